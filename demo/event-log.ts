import type {
  CareRecordAuthRequiredDetail,
  CareRecordErrorDetail,
  CareRecordLoadDetail,
  CareRecordViewDetail,
} from '../src/core/events.js';

/** The events a host listens to once, on any ancestor: they bubble out of the elements' shadow roots. */
export const CARE_RECORD_EVENTS = [
  'care-record-load',
  'care-record-view',
  'care-record-error',
  'care-record-auth-required',
] as const;

type Summary = (detail: never) => string;

const SUMMARIES: Record<(typeof CARE_RECORD_EVENTS)[number], Summary> = {
  'care-record-load': (d: CareRecordLoadDetail) =>
    `${d.patient}: ${d.shown} shown, ${d.hiddenByFilters} filtered out, ${d.withheld} withheld, ` +
    `${d.sources.length} sources${d.truncated ? ', truncated' : ''}${d.notices.length ? ` · ${d.notices.join(' · ')}` : ''}`,
  'care-record-view': (d: CareRecordViewDetail) => `${d.patient}: ${d.resources.length} items on screen`,
  'care-record-error': (d: CareRecordErrorDetail) => `${d.kind}${d.status ? ` ${d.status}` : ''}: ${d.message}`,
  'care-record-auth-required': (d: CareRecordAuthRequiredDetail) => `${d.baseUrl}: ${d.message}`,
};

/** Event details never carry tokens; this is a second line of defence for the on-screen log. */
function withoutSecrets(text: string): string {
  return text.replace(/Bearer\s+\S+/gi, 'Bearer [hidden]').replace(/(token[=:]\s*)\S+/gi, '$1[hidden]');
}

function summarise(event: Event): string {
  const type = event.type as (typeof CARE_RECORD_EVENTS)[number];
  const detail = (event as CustomEvent).detail as never;
  try {
    return withoutSecrets(SUMMARIES[type](detail));
  } catch {
    return '(detail not in the expected shape)';
  }
}

function timeNow(): string {
  return new Date().toTimeString().slice(0, 8);
}

export function attachEventLog(source: EventTarget, list: HTMLOListElement, maxEntries = 200): void {
  for (const type of CARE_RECORD_EVENTS) {
    source.addEventListener(type, (event) => {
      const item = document.createElement('li');
      item.className = `event event-${type.replace('care-record-', '')}`;
      const head = document.createElement('span');
      head.className = 'event-type';
      head.textContent = `${timeNow()} ${type}`;
      const body = document.createElement('span');
      body.className = 'event-detail';
      body.textContent = summarise(event);
      item.append(head, body);
      list.prepend(item);
      while (list.children.length > maxEntries) list.lastElementChild?.remove();
    });
  }
}
