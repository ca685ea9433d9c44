import { html, nothing, type TemplateResult } from 'lit';
import type { Contact } from '../../model/contacts.js';

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
