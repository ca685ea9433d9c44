import { http, HttpResponse, type HttpHandler } from 'msw';
import { HIE } from './widgets.js';

/**
 * A FHIR server for one resource type that pages by item offset (`_offset`, `_count`, as Medplum and
 * HAPI's `_getpagesoffset` do), sends `Bundle.total`, and holds every page after the first until the
 * test lets it through, so a test sees the widget between pages. How it treats `_sort` is chosen.
 */
export interface PagedServer {
  handlers: HttpHandler[];
  /** Every search URL received, in order. */
  urls: URL[];
  /** Pages waiting to be sent. */
  waiting(): number;
  /** Lets the oldest waiting page through. */
  release(): void;
  /** Lets every page through from now on. */
  releaseAll(): void;
}

export interface PagedServerOptions {
  resourceType: string;
  /** Items per patient id, in the order the server stores them. */
  items: Record<string, Array<Record<string, unknown>>>;
  /** Largest page the server sends, whatever `_count` asks. */
  maxPageSize: number;
  /** `honour`: newest first by `sortDate`; `refuse`: 400 naming `_sort`; `ignore`: stored order. */
  sort: 'honour' | 'refuse' | 'ignore';
  sortDate: (item: Record<string, unknown>) => string | undefined;
  /** A page starting at this offset answers 500 (once per patient), as a failing HIE would. */
  failAtOffset?: number;
  /** Leave `Bundle.total` out. */
  noTotal?: boolean;
}

export function pagedServer(opts: PagedServerOptions): PagedServer {
  const urls: URL[] = [];
  const gates: Array<() => void> = [];
  let open = false;
  const failed = new Set<string>();
  const wait = () => (open ? Promise.resolve() : new Promise<void>((resolve) => gates.push(resolve)));
  const handler = http.get(`${HIE}/${opts.resourceType}`, async ({ request }) => {
    const url = new URL(request.url);
    urls.push(url);
    const patient = (url.searchParams.get('patient') ?? '').replace('Patient/', '');
    const sort = url.searchParams.get('_sort');
    if (sort && opts.sort === 'refuse') {
      return fhir(400, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'processing', diagnostics: `Unknown _sort parameter value "${sort}"` }],
      });
    }
    let items = [...(opts.items[patient] ?? [])];
    if (sort && opts.sort === 'honour') {
      items.sort((a, b) => (opts.sortDate(b) ?? '').localeCompare(opts.sortDate(a) ?? ''));
    }
    const offset = Number(url.searchParams.get('_offset') ?? 0);
    const count = Math.min(Number(url.searchParams.get('_count') ?? opts.maxPageSize), opts.maxPageSize);
    if (offset > 0) await wait();
    if (opts.failAtOffset === offset && !failed.has(patient)) {
      failed.add(patient);
      return fhir(500, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'fatal', code: 'exception', diagnostics: 'The HIE had an internal error' }],
      });
    }
    const page = items.slice(offset, offset + count);
    const link = [{ relation: 'self', url: url.href }];
    if (offset + count < items.length) {
      const next = new URL(url.href);
      next.searchParams.set('_offset', String(offset + count));
      next.searchParams.set('_count', String(count));
      link.push({ relation: 'next', url: next.href });
    }
    return fhir(200, {
      resourceType: 'Bundle',
      type: 'searchset',
      ...(opts.noTotal ? {} : { total: items.length }),
      link,
      entry: page.map((resource) => ({
        fullUrl: `${HIE}/${opts.resourceType}/${String(resource['id'])}`,
        resource,
        search: { mode: 'match' },
      })),
    });
  });
  return {
    handlers: [handler],
    urls,
    waiting: () => gates.length,
    release: () => gates.shift()?.(),
    releaseAll: () => {
      open = true;
      for (const gate of gates.splice(0)) gate();
    },
  };
}

function fhir(status: number, body: Record<string, unknown>): Response {
  return HttpResponse.json(body as never, { status, headers: { 'Content-Type': 'application/fhir+json' } }) as Response;
}

const DAY = 86_400_000;

/** Encounters for `patient`, n = 1 newest, each a day older than the one before; `cancelled` ones by number. */
export function encounters(patient: string, count: number, cancelled: number[] = []): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return {
      resourceType: 'Encounter',
      id: `${patient}-enc-${n}`,
      status: cancelled.includes(n) ? 'cancelled' : 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
      subject: { reference: `Patient/${patient}` },
      type: [{ text: `Clinic visit ${n} for ${patient}` }],
      period: { start: new Date(Date.UTC(2026, 10, 1) - n * DAY).toISOString() },
      serviceProvider: { display: 'Riverside Hospital' },
    };
  });
}

export const encounterDate = (item: Record<string, unknown>): string | undefined =>
  (item['period'] as { start?: string } | undefined)?.start;
