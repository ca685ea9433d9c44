import { html, nothing, type TemplateResult } from 'lit';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import { notesFact, periodFact } from '../../ui/titled-item.js';
import type { CarePlanRow } from './care-plans.model.js';
import type { ActivitySchedule, CarePlanActivity } from './care-plans.activities.js';

function scheduleView(schedule: ActivitySchedule | undefined): TemplateResult {
  if (!schedule) return html`<span class="not-recorded">not recorded</span>`;
  const { start, end, dates, text } = schedule;
  const parts: TemplateResult[] = [];
  if (text) parts.push(html`${text}`);
  if (start && end) parts.push(html`from ${dateText(start)} to ${dateText(end)}`);
  else if (start) parts.push(html`from ${dateText(start)}`);
  else if (end) parts.push(html`until ${dateText(end)}`);
  if (dates.length > 0) parts.push(html`on ${dates.map((d, i) => html`${i > 0 ? ', ' : ''}${dateText(d)}`)}`);
  return html`${parts.map((part, i) => html`${i > 0 ? ', ' : ''}${part}`)}`;
}

function activityItem(activity: CarePlanActivity): TemplateResult {
  return html`<li class="activity" data-status=${activity.status ?? 'not-recorded'}>
    <div>
      ${activity.doNotPerform ? html`<span class="do-not-perform">Do not do</span>` : nothing}
      <span class="activity-name"
        >${activity.text ?? html`<span class="not-recorded">Activity not recorded</span>`}</span
      >
      <span class="tag activity-status">${activity.statusLabel}</span>
    </div>
    ${activity.description ? html`<div class="detail">${activity.description}</div>` : nothing}
    ${activity.hasDetail && !activity.doNotPerform
      ? html`<div class="detail schedule">Scheduled: ${scheduleView(activity.schedule)}</div>`
      : nothing}
    ${activity.performers.length > 0
      ? html`<div class="detail">By: ${activity.performers.join('; ')}</div>`
      : nothing}
    ${activity.outcomes.length > 0
      ? html`<div class="detail outcome">Outcome: ${activity.outcomes.join('; ')}</div>`
      : nothing}
    ${activity.linked ? html`<div class="detail">Linked request: ${activity.linked}</div>` : nothing}
  </li>`;
}

/** A plan's activities in the order sent, or the words for none. */
export function activityList(activities: readonly CarePlanActivity[]): TemplateResult {
  if (activities.length === 0) return html`<p class="not-recorded">No activities recorded</p>`;
  return html`<ol class="activities">
    ${activities.map(activityItem)}
  </ol>`;
}

export function carePlanItem(row: CarePlanRow, now: Date, view: RowView): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key}>
    ${rowBody(
      view.disclosure(row.key, row.title ?? 'care plan'),
      html`<h3>${row.title ?? html`<span class="not-recorded">Care plan title not recorded</span>`}</h3>
        <div class="meta">
          ${statusTag(row, row.attention)}
          ${row.source.type ? html`<span class="tag setting">${row.source.typeLabel}</span>` : nothing}
          ${securityTags(row)}
        </div>`,
      provenanceLine(row, now),
      html`<div class="meta">
          ${row.categories.map((c) => html`<span class="tag category">${c}</span>`)}
          ${row.intentLabel ? html`<span class="tag intent">${row.intentLabel}</span>` : nothing}
        </div>
        ${row.description ? html`<p class="description">${row.description}</p>` : nothing}
        <dl class="facts">
          ${periodFact(row.start, row.end)}
          <div class="author">
            <dt>Author</dt>
            <dd>${row.author ?? html`<span class="not-recorded">Not recorded</span>`}</dd>
          </div>
          ${row.addresses.length > 0
            ? html`<div><dt>Addresses</dt><dd>${row.addresses.join('; ')}</dd></div>`
            : nothing}
          ${notesFact(row.notes)}
        </dl>
        <h4>Activities (${row.activities.length})</h4>
        ${activityList(row.activities)}`,
    )}
  </li>`;
}
