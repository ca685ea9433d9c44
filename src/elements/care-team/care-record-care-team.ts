import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { dateText } from '../../ui/dates.js';
import { notesFact, periodFact } from '../../ui/titled-item.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { mapCareTeams, type CareTeamMember, type CareTeamRow } from './care-team.model.js';
import { careTeamQueries } from './care-team.queries.js';
import { contactList } from './care-team.templates.js';
import { careTeamStyles } from './care-record-care-team.styles.js';

/** People and relatives have no employing organisation to report missing. */
const WITHOUT_ORGANISATION = new Set(['patient', 'related-person', 'organization', 'care-team']);

/**
 * The teams involved in a patient's care, from every source in the shared care record (CareTeam):
 * each team's members with their role, organisation and contact details, its status and period.
 * Default view: current teams (active, proposed and suspended, the last two marked); inactive teams
 * are counted as hidden with a one-click "Show all".
 *
 * @summary Care teams from the shared care record, with members, contacts, source and freshness.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "social-care mental-health".
 * @attr heading - Heading text (default "Care teams").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One care team from one source.
 * @csspart source - The organisation an item came from, with its type.
 * @csspart freshness - How fresh an item is (live, or batch with its last load).
 * @csspart status - Loading, empty, error, no-access, withheld and other status messages.
 * @csspart filters - The filter bar, with the hidden count and "Show all".
 *
 * @cssprop --care-record-text-color - Text colour (default #212b32).
 * @cssprop --care-record-secondary-text-color - Secondary text (default #4c6272).
 * @cssprop --care-record-background - Background (default #ffffff).
 * @cssprop --care-record-surface - Filter bar and message background (default #f0f4f5).
 * @cssprop --care-record-border-color - Borders (default #768692).
 * @cssprop --care-record-accent-color - Buttons and links (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-warning-background - Out-of-date, withheld and proposed/suspended marks (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordCareTeam extends CareRecordElement<CareTeamRow> {
  static override styles = [widgetStyles, ...careTeamStyles];

  protected readonly defaultHeading = 'Care teams';
  protected readonly noun = 'care teams';

  protected readonly dataSpec: WidgetDataSpec<CareTeamRow> = {
    queries: careTeamQueries,
    model: mapCareTeams,
  };

  protected readonly filterSpec: FilterSpec<CareTeamRow> = {
    statusOptions: [
      { value: 'current', label: 'Current care teams', matches: (row) => row.current },
      { value: 'all', label: 'All care teams' },
      { value: 'inactive', label: 'Inactive care teams', matches: (row) => !row.current },
    ],
    describeHidden: (n) => `${n} inactive care team${n === 1 ? '' : 's'}`,
  };

  protected renderRows(rows: CareTeamRow[], now: Date): TemplateResult {
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now),
    });
  }

  private renderItem(row: CareTeamRow, now: Date): TemplateResult {
    return html`<li part="item" tabindex="0" data-key=${row.key}>
      ${rowBody(
        this.rowView().disclosure(row.key, row.name ?? 'care team'),
        html`<h3>${row.name ?? html`<span class="not-recorded">Care team name not recorded</span>`}</h3>
          <span class="member-count">${row.members.length} ${row.members.length === 1 ? 'member' : 'members'}</span>
          <div class="meta">${statusTag(row, row.attention)} ${securityTags(row)}</div>`,
        provenanceLine(row, now),
        html`<div class="meta">${row.categories.map((c) => html`<span class="tag category">${c}</span>`)}</div>
      <dl class="facts">
        ${periodFact(row.start, row.end)}
        ${row.reasons.length > 0
          ? html`<div><dt>Reason</dt><dd>${row.reasons.join('; ')}</dd></div>`
          : nothing}
        <div class="team-contact">
          <dt>Team contact</dt>
          <dd>${contactList(row.contacts, 'Not recorded')}</dd>
        </div>
        ${notesFact(row.notes)}
      </dl>
      <h4>Members (${row.members.length})</h4>
      ${row.members.length > 0
        ? html`<ul class="members">
            ${row.members.map((m) => this.renderMember(m))}
          </ul>`
        : html`<p class="not-recorded">No members recorded</p>`}`,
      )}
    </li>`;
  }

  private renderOrganisation(member: CareTeamMember): TemplateResult | typeof nothing {
    const { organisation, onBehalfOf } = member;
    if (organisation) {
      const behalf = onBehalfOf && onBehalfOf !== organisation ? `, on behalf of ${onBehalfOf}` : '';
      return html`<div class="detail organisation">${organisation}${behalf}</div>`;
    }
    if (onBehalfOf) return html`<div class="detail organisation">On behalf of ${onBehalfOf}</div>`;
    if (WITHOUT_ORGANISATION.has(member.kind)) return nothing;
    return html`<div class="detail organisation not-recorded">Organisation not recorded</div>`;
  }

  private renderMember(member: CareTeamMember): TemplateResult {
    return html`<li class="member ${member.left ? 'left' : ''}" data-kind=${member.kind}>
      <div class="member-name">${member.name ?? html`<span class="not-recorded">Name not recorded</span>`}</div>
      <div class="detail role">
        ${member.roles.length > 0 ? member.roles.join(', ') : html`<span class="not-recorded">Role not recorded</span>`}
      </div>
      ${this.renderOrganisation(member)}
      ${member.start || member.end
        ? html`<div class="detail period">
            ${member.left ? 'Left the team' : 'In the team'}: ${dateText(member.start, 'start not recorded')} to
            ${member.end ? dateText(member.end) : 'no end date recorded'}
          </div>`
        : nothing}
      ${member.contacts.length > 0 ? html`<div class="detail">${contactList(member.contacts)}</div>` : nothing}
    </li>`;
  }
}
