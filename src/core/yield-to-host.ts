interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Lets the host page run (input, paint, its own scripts) before the next piece of work:
 * `scheduler.yield()` where the browser has it (the work resumes ahead of other tasks), else a
 * macrotask through a MessageChannel, which, unlike setTimeout, is not clamped to 4 ms or more.
 */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
