import { isPast } from './datatypes.js';
import { asRecords, asString, pick, lookup, lookupTable } from './json-guards.js';

/** One way to reach a team or a member, from `ContactPoint`. */
export interface Contact {
  /** `ContactPoint.system` as sent (phone, email, url, fax, sms, pager, other), if any. */
  system: string | undefined;
  value: string;
  /** Words for the kind of contact, e.g. "Phone", "Email", "Website". */
  label: string;
  /** e.g. "work", "mobile". */
  use: string | undefined;
  /**
   * A link built by us from the value: `tel:`, `mailto:` or an http(s) URL. Undefined means the value
   * is shown as text only (any other scheme, e.g. `javascript:` or `data:`, is never a link).
   */
  href: string | undefined;
  /** The contact's period ended before now: shown, but said to be no longer in use. */
  ended: boolean;
}

const LABELS: Record<string, string> = lookupTable({
  phone: 'Phone',
  email: 'Email',
  url: 'Website',
  fax: 'Fax',
  sms: 'Text message',
  pager: 'Pager',
  other: 'Contact',
});

const PHONE = /^\+?[0-9 ()\-.]+$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function withoutScheme(value: string, scheme: string): string {
  return value.toLowerCase().startsWith(`${scheme}:`) ? value.slice(scheme.length + 1).trim() : value;
}

/** `tel:+442079460101` from a number as people write it; undefined unless it is plainly a number. */
export function phoneHref(value: string): string | undefined {
  const number = withoutScheme(value, 'tel');
  if (!PHONE.test(number)) return undefined;
  const international = number.startsWith('+');
  // "+44 (0)20…": the bracketed trunk 0 is not dialled from abroad.
  const digits = (international ? number.replace(/\(0\)/g, '') : number).replace(/\D/g, '');
  if (digits.length < 3) return undefined;
  return `tel:${international ? '+' : ''}${digits}`;
}

export function emailHref(value: string): string | undefined {
  const address = withoutScheme(value, 'mailto');
  return EMAIL.test(address) ? `mailto:${address}` : undefined;
}

export function webHref(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Only phone, email and web addresses become links, each through its own strict check. */
export function contactHref(system: string | undefined, value: string): string | undefined {
  switch (system) {
    case 'phone':
      return phoneHref(value);
    case 'email':
      return emailHref(value);
    case 'url':
      return webHref(value);
    default:
      return undefined;
  }
}

/** `ContactPoint`s in the order sent (lowest `rank` first when ranked), without blank values. */
export function contactsOf(telecom: unknown, now: Date): Contact[] {
  const points = asRecords(telecom).flatMap((point, order) => {
    const value = asString(point['value']);
    if (value === undefined) return [];
    const system = asString(point['system']);
    const rank = typeof point['rank'] === 'number' ? point['rank'] : Number.POSITIVE_INFINITY;
    const contact: Contact = {
      system,
      value,
      label: lookup(LABELS, system) ?? 'Contact',
      use: asString(point['use']),
      href: contactHref(system, value),
      ended: isPast(asString(pick(point, 'period', 'end')), now),
    };
    return [{ contact, rank, order }];
  });
  return points.sort((a, b) => a.rank - b.rank || a.order - b.order).map((p) => p.contact);
}

/** Contacts from several places (team, role, person) without repeating the same one. */
export function mergeContacts(...lists: Contact[][]): Contact[] {
  const seen = new Set<string>();
  const merged: Contact[] = [];
  for (const contact of lists.flat()) {
    const key = `${contact.system ?? ''}|${contact.value.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(contact);
  }
  return merged;
}
