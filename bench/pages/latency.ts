/**
 * Latency bench page: one widget against the latency server (another origin, every response and
 * preflight delayed). Measures from connection to the first item painted and to all items painted
 * (care-record-load, then its frame), the longest main-thread task and total blocking time
 * (PerformanceObserver `longtask`) over the load.
 */
const params = new URLSearchParams(location.search);
const LIB = params.get('lib') ?? '/bench/out/lib/main/dist/';

interface Result {
  firstItem: number;
  allItems: number;
  longestTask: number;
  blocking: number;
  items: number;
  state: string;
}

const tasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

async function load(opts: { tag: string; base: string; patient: string; maxEntries?: number }): Promise<Result> {
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  await nextFrame();
  tasks.length = 0;
  const el = document.createElement(opts.tag) as HTMLElement & { tokenProvider?: () => string; state?: string };
  el.tokenProvider = () => 'bench-token';
  el.setAttribute('base-url', opts.base);
  if (opts.maxEntries) el.setAttribute('max-entries', String(opts.maxEntries));
  const loaded = new Promise<void>((resolve, reject) => {
    el.addEventListener('care-record-load', () => resolve(), { once: true });
    el.addEventListener('care-record-error', (e) => reject(new Error((e as CustomEvent).detail.message)), { once: true });
  });
  const t0 = performance.now();
  el.setAttribute('patient-id', opts.patient);
  stage.append(el);
  let firstItem = NaN;
  let done = false;
  const watch = async (): Promise<void> => {
    while (!done) {
      const t = await nextFrame();
      if (el.shadowRoot?.querySelector('[part~="item"]')) {
        firstItem = t - t0;
        return;
      }
    }
  };
  const watching = watch();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no care-record-load within 60 s (state ${el.state})`)), 60_000),
  );
  try {
    await Promise.race([loaded, timeout]);
  } finally {
    done = true;
  }
  const all = (await nextFrame()) - t0;
  await watching;
  // Shown in the frame that showed them all: the watcher stopped before it saw one.
  if (Number.isNaN(firstItem) && el.shadowRoot?.querySelector('[part~="item"]')) firstItem = all;
  await nextFrame();
  const during = tasks.filter((t) => t.startTime >= t0);
  return {
    firstItem,
    allItems: all,
    longestTask: Math.max(0, ...during.map((t) => t.duration)),
    blocking: during.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    items: el.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0,
    state: el.state ?? '',
  };
}

const registered = new Set<string>();
async function loadLibrary(entry: string): Promise<void> {
  if (registered.has(entry)) return;
  await import(/* @vite-ignore */ `${LIB}${entry}`);
  registered.add(entry);
}

Object.assign(window, { bench: { load, loadLibrary }, benchReady: true });
