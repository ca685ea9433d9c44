/**
 * The API table of a docs page, from custom-elements.json. Storybook's own reading of the manifest
 * lists each attribute twice (as the attribute and again as its property), leaves methods out and
 * shows no default for the property rows; a host needs one row per attribute with its property name
 * and real default, the event detail types, the methods and every custom property the element answers
 * to. `<care-record>` shows its pods, so it also answers to their custom properties, and their events
 * (composed) reach it with their detail types.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import {
  allDeclarations,
  declarationFor,
  eventArgName,
  type ManifestDeclaration,
  type ManifestMember,
  type ManifestNamed,
} from './manifest.js';

type Row = ArgTypes[string];

function row(name: string, category: string, description: string | undefined, type?: string, defaultValue?: string): Row {
  return {
    name,
    description,
    ...(type ? { type: { name: 'other', value: type } } : {}),
    // Only attributes get controls (render.ts); the other rows are documentation.
    ...(category === 'attributes' ? {} : { control: false }),
    table: {
      category,
      type: type ? { summary: type } : undefined,
      defaultValue: defaultValue !== undefined ? { summary: defaultValue } : undefined,
    },
  } as Row;
}

const isPublic = (m: ManifestMember) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_');

/** `(a: string) => void` from a method's manifest entry. */
function signature(method: ManifestMember): string {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`);
  return `(${params.join(', ')}) => ${method.return?.type?.text ?? 'void'}`;
}

/** What a container element also answers to: the custom properties and event types of its pods. */
function fromPods(d: ManifestDeclaration): { cssProperties: ManifestNamed[]; eventTypes: Map<string, string> } {
  const eventTypes = new Map<string, string>();
  const cssProperties = new Map<string, ManifestNamed>();
  for (const other of allDeclarations()) {
    if (!other.tagName || other.tagName === d.tagName) continue;
    for (const e of other.events ?? []) if (e.type?.text && !eventTypes.has(e.name)) eventTypes.set(e.name, e.type.text);
    for (const c of other.cssProperties ?? []) if (!cssProperties.has(c.name)) cssProperties.set(c.name, c);
  }
  return { cssProperties: [...cssProperties.values()], eventTypes };
}

export function apiArgTypes(tag: string): ArgTypes {
  const d = declarationFor(tag);
  const members = (d.members ?? []).filter(isPublic);
  const pods = fromPods(d);
  const isContainer = tag === 'care-record';
  const rows: ArgTypes = {};

  for (const attr of d.attributes ?? []) {
    const field = members.find((m) => m.name === attr.fieldName);
    const property = attr.fieldName && attr.fieldName !== attr.name ? ` Property: \`${attr.fieldName}\`.` : '';
    rows[attr.name] = row(
      attr.name,
      'attributes',
      `${attr.description ?? field?.description ?? ''}${property}`,
      attr.type?.text ?? field?.type?.text,
      attr.default ?? field?.default,
    );
  }
  const attributeFields = new Set((d.attributes ?? []).map((a) => a.fieldName ?? a.name));
  for (const m of members) {
    if (m.kind === 'field' && !attributeFields.has(m.name) && !m.attribute) {
      rows[m.name] = row(m.name, 'properties', m.description, m.type?.text, m.default);
    } else if (m.kind === 'method') {
      rows[`${m.name}()`] = row(`${m.name}()`, 'methods', m.description, signature(m));
    }
  }
  for (const e of d.events ?? []) {
    const type = e.type?.text ?? pods.eventTypes.get(e.name);
    const detail = type?.match(/^CustomEvent<(.+)>$/)?.[1];
    // The hidden `on…` row is the event's Storybook action (the Actions panel), as Storybook makes it.
    rows[eventArgName(e.name)] = { name: eventArgName(e.name), action: { name: e.name }, table: { disable: true } } as Row;
    rows[e.name] = row(e.name, 'events', `${e.description ?? ''}${detail ? ` \`event.detail\`: \`${detail}\`.` : ''}`, type);
  }
  for (const s of d.slots ?? []) rows[`slot ${s.name || '(default)'}`] = row(s.name || '(default)', 'slots', s.description);
  const cssProperties = new Map((d.cssProperties ?? []).map((c) => [c.name, c]));
  if (isContainer) for (const c of pods.cssProperties) if (!cssProperties.has(c.name)) cssProperties.set(c.name, c);
  for (const c of cssProperties.values()) rows[c.name] = row(c.name, 'css custom properties', c.description);
  for (const p of d.cssParts ?? []) rows[`part ${p.name}`] = row(p.name, 'css shadow parts', p.description);
  return rows;
}
