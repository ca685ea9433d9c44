import { html, type TemplateResult } from 'lit';
import { dateText } from './dates.js';
import type { ClinicalTime } from '../model/clinical-time.js';

/** A clinical time in words: a CUI date, a period, or the words sent (age, range, text). */
export function clinicalTimeText(time: ClinicalTime | undefined, missing = 'Not recorded'): TemplateResult {
  if (!time) return html`<span class="not-recorded">${missing}</span>`;
  if (time.kind === 'date') return dateText(time.date);
  if (time.kind === 'words') return html`<span>${time.text}</span>`;
  if (time.start && time.end) return html`${dateText(time.start)} to ${dateText(time.end)}`;
  return time.start ? html`from ${dateText(time.start)}` : html`until ${dateText(time.end)}`;
}
