import { html, nothing, type TemplateResult } from 'lit';
import type { Contact } from '../../model/contacts.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import { notesFact, periodFact } from '../../ui/titled-item.js';
import type { CareTeamMember, CareTeamRow } from './care-team.model.js';

/** People and relatives have no employing organisation to report missing. */
const WITHOUT_ORGANISATION = new Set(['patient', 'related-person', 'organization', 'care-team']);

/**
 * A value becomes a link only through the href the model built (tel:, mailto:, http(s)); otherwise
 * text. No referrer: the host page's address may name the patient.
 */
function contactValue(contact: Contact): TemplateResult {
  return contact.href
    ? html`<a href=${contact.href} rel="noreferrer" referrerpolicy="no-referrer">${contact.value}</a>`
    : html`<span class="contact-text">${contact.value}</span>`;
}

function contactItem(contact: Contact): TemplateResult {
  return html`<li class="contact" data-system=${contact.system ?? 'unknown'}>
    <span class="contact-label">${contact.label}${contact.use ? ` (${contact.use})` : ''}:</span>
    ${contactValue(contact)}${contact.ended ? html` <span class="ended">(no longer in use)</span>` : nothing}
  </li>`;
}

/** Contacts as a list, or the words for none when `missing` is given. */
export function contactList(contacts: readonly Contact[], missing?: string): TemplateResult | typeof nothing {
  if (contacts.length === 0) return missing ? html`<span class="not-recorded">${missing}</span>` : nothing;
  return html`<ul class="contacts">
    ${contacts.map(contactItem)}
  </ul>`;
}

function memberOrganisation(member: CareTeamMember): TemplateResult | typeof nothing {
  const { organisation, onBehalfOf } = member;
  if (organisation) {
    const behalf = onBehalfOf && onBehalfOf !== organisation ? `, on behalf of ${onBehalfOf}` : '';
    return html`<div class="detail organisation">${organisation}${behalf}</div>`;
  }
  if (onBehalfOf) return html`<div class="detail organisation">On behalf of ${onBehalfOf}</div>`;
  if (WITHOUT_ORGANISATION.has(member.kind)) return nothing;
  return html`<div class="detail organisation not-recorded">Organisation not recorded</div>`;
}

function careTeamMember(member: CareTeamMember): TemplateResult {
  return html`<li class="member ${member.left ? 'left' : ''}" data-kind=${member.kind}>
    <div class="member-name">${member.name ?? html`<span class="not-recorded">Name not recorded</span>`}</div>
    <div class="detail role">
      ${member.roles.length > 0 ? member.roles.join(', ') : html`<span class="not-recorded">Role not recorded</span>`}
    </div>
    ${memberOrganisation(member)}
    ${member.start || member.end
      ? html`<div class="detail period">
          ${member.left ? 'Left the team' : 'In the team'}: ${dateText(member.start, 'start not recorded')} to
          ${member.end ? dateText(member.end) : 'no end date recorded'}
        </div>`
      : nothing}
    ${member.contacts.length > 0 ? html`<div class="detail">${contactList(member.contacts)}</div>` : nothing}
  </li>`;
}

export function careTeamItem(row: CareTeamRow, now: Date, view: RowView): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key}>
    ${rowBody(
      view.disclosure(row.key, row.name ?? 'care team'),
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
              ${row.members.map((m) => careTeamMember(m))}
            </ul>`
          : html`<p class="not-recorded">No members recorded</p>`}`,
    )}
  </li>`;
}
