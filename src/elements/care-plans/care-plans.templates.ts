import { html, nothing, type TemplateResult } from 'lit';
import { dateText } from '../../ui/dates.js';
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
