/**
 * Renders an element from story args. Attributes and events come from custom-elements.json, so a new
 * attribute or event in an element's JSDoc shows up in the stories' controls and actions by itself.
 */
import { nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { ArgTypes, Args } from '@storybook/web-components-vite';
import { DEFAULT_MOCK_BASE_URL, MOCK_PATIENT_IDS, MOCK_TOKENS } from '../../mocks/index.js';
import type { TokenProvider } from '../../src/fhir/types.js';
import { attributesOf, eventArgName, eventsOf, type ManifestNamed } from './manifest.js';

/** The mock HIE's FHIR base (mocks/handlers.ts), answered by msw in the catalogue. */
export const HIE_BASE_URL = DEFAULT_MOCK_BASE_URL;

/** Attributes the host cannot set (reflected state). */
const READ_ONLY_ATTRIBUTES = new Set(['state']);

export const TOKEN_MODES = {
  valid: 'Valid token',
  expired: 'Expired token, refresh refused too (401 → "not signed in")',
  'refreshes-after-401': 'Expired token, refresh succeeds (401 → refresh → data)',
  none: 'No token provider',
} as const;
export type TokenMode = keyof typeof TOKEN_MODES;

/** What a host's `tokenProvider` would do, played against the mock HIE's tokens (mocks/auth.ts). */
export function tokenProviderFor(mode: TokenMode | undefined): TokenProvider | undefined {
  switch (mode ?? 'valid') {
    case 'none':
      return undefined;
    case 'expired':
      return () => MOCK_TOKENS.expired;
    case 'refreshes-after-401':
      return ({ forceRefresh }) => (forceRefresh ? MOCK_TOKENS.refreshed : MOCK_TOKENS.expired);
    default:
      return () => MOCK_TOKENS.valid;
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `name="value"` for every attribute of `tag` that has an arg, in the manifest's order. */
function attributeText(tag: string, args: Args): string {
  return attributesOf(tag)
    .filter((a) => !READ_ONLY_ATTRIBUTES.has(a.name))
    .flatMap((a) => {
      const value = args[a.name] as unknown;
      if (value === undefined || value === null || value === '' || value === false) return [];
      return value === true ? [a.name] : [`${a.name}="${escapeAttribute(String(value))}"`];
    })
    .join(' ');
}

const listeners = new WeakMap<Element, Map<string, EventListener>>();

/** Sends each event to its Storybook action (`onCareRecordLoad`…), replacing earlier listeners. */
function forwardEvents(events: readonly ManifestNamed[], args: Args) {
  return ref((el) => {
    if (!el) return;
    const current = listeners.get(el) ?? new Map<string, EventListener>();
    for (const { name } of events) {
      const previous = current.get(name);
      if (previous) el.removeEventListener(name, previous);
      const handler = args[eventArgName(name)];
      if (typeof handler !== 'function') continue;
      const listener: EventListener = (e) => (handler as (detail: unknown) => void)((e as CustomEvent).detail);
      el.addEventListener(name, listener);
      current.set(name, listener);
    }
    listeners.set(el, current);
  });
}

/**
 * `<tag attr="…">content</tag>` with the args' attributes, `tokenProvider` from the `token` arg and the
 * element's events sent to the Actions panel. The docs' "Show code" shows the markup a host writes.
 */
export function renderElement(
  tag: string,
  args: Args,
  content: TemplateResult | typeof nothing = nothing,
  eventsToForward: readonly ManifestNamed[] = eventsOf(tag),
): TemplateResult {
  const t = unsafeStatic(tag);
  const attrs = unsafeStatic(attributeText(tag, args));
  const tokenProvider = tokenProviderFor(args['token'] as TokenMode | undefined);
  return staticHtml`<${t} ${attrs} .tokenProvider=${tokenProvider} ${forwardEvents(eventsToForward, args)}>${content}</${t}>`;
}

/**
 * Controls for the element's attributes (from the manifest): text or number inputs, a picker of the
 * mock patients for `patient-id`, the token mode, and no controls for read-only rows or the
 * `tokenProvider` property (their documentation stays in the table: stories/support/api-table.ts).
 */
export function elementArgTypes(tag: string): ArgTypes {
  const argTypes: ArgTypes = {};
  for (const attr of attributesOf(tag)) {
    if (READ_ONLY_ATTRIBUTES.has(attr.name)) {
      argTypes[attr.name] = { control: false };
    } else if (attr.name === 'patient-id') {
      argTypes[attr.name] = { control: 'select', options: ['', ...Object.values(MOCK_PATIENT_IDS)] };
    } else {
      argTypes[attr.name] = { control: /\bnumber\b/.test(attr.type?.text ?? '') ? 'number' : 'text' };
    }
  }
  argTypes['tokenProvider'] = { control: false };
  argTypes['token'] = {
    name: 'token (story)',
    description: "What this story's `tokenProvider` returns, against the mock HIE's tokens.",
    control: 'select',
    options: Object.keys(TOKEN_MODES),
    table: { category: 'story' },
  };
  return argTypes;
}

/** The default args: the rich mock patient on the mock HIE with a valid token. */
export const defaultArgs: Args = {
  'base-url': HIE_BASE_URL,
  'patient-id': MOCK_PATIENT_IDS.rich,
  token: 'valid',
};
