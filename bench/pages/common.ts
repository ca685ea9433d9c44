/** Helpers shared by the bench pages. */

/** Resolves at the first rAF after `ready()` holds, then at that frame's end and at the next frame. */
export interface PaintTimes {
  /** performance.now() in the rAF callback of the frame that first shows the content. */
  frame: number;
  /** After that frame's rendering work (a message posted from its rAF callback). */
  painted: number;
  /** The next frame's rAF callback (double rAF). */
  nextFrame: number;
}

export function afterFramePainted(): Promise<Omit<PaintTimes, 'frame'> & { frame: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      let painted = 0;
      channel.port1.onmessage = () => {
        painted = performance.now();
      };
      channel.port2.postMessage(null);
      requestAnimationFrame(() => resolve({ frame, painted: painted || performance.now(), nextFrame: performance.now() }));
    });
  });
}

/** Polls once per frame until `ready()` is true (it is then painted in that frame). */
export function whenShown(ready: () => boolean, timeoutMs = 60_000): Promise<PaintTimes> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      let ok = false;
      try {
        ok = ready();
      } catch (error) {
        reject(error);
        return;
      }
      if (ok) {
        const frame = performance.now();
        const channel = new MessageChannel();
        let painted = 0;
        channel.port1.onmessage = () => {
          painted = performance.now();
        };
        channel.port2.postMessage(null);
        requestAnimationFrame(() => resolve({ frame, painted: painted || performance.now(), nextFrame: performance.now() }));
        return;
      }
      if (performance.now() - started > timeoutMs) {
        reject(new Error('timed out waiting for content'));
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
