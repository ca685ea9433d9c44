import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatExact, formatTime, parseFhirDate } from '../model/format.js';

function timeElement(iso: string, shown: string): TemplateResult {
  return html`<time datetime=${iso} title=${formatExact(iso)}>${shown}</time>`;
}

/**
 * A start–end period in CUI style: `24-Nov-2026 10:30 to 11:00` on one day, `24-Nov-2026 22:10 to
 * 27-Nov-2026 11:00` across days, partial dates as sent. A missing start says so in words; an
 * open end says `ongoing` only when the caller knows it is.
 */
export function periodText(
  start: string | undefined,
  end: string | undefined,
  opts: { missing?: string; openEnd?: string } = {},
): TemplateResult {
  const from = parseFhirDate(start);
  const to = parseFhirDate(end);
  if (!start || !from) {
    if (!end || !to) return html`<span class="not-recorded">${opts.missing ?? 'Date not recorded'}</span>`;
    return html`<span class="not-recorded">Start not recorded</span>, ended ${timeElement(end, formatDateTime(end))}`;
  }
  const first = timeElement(start, formatDateTime(start));
  if (!end || !to) {
    return html`${first}${opts.openEnd ? html` <span class="open-end">${opts.openEnd}</span>` : nothing}`;
  }
  const sameDay = from.precision === 'time' && to.precision === 'time' && formatDate(start) === formatDate(end);
  const last = timeElement(end, sameDay ? formatTime(to.date) : formatDateTime(end));
  return html`${first} to ${last}`;
}
