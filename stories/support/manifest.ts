/**
 * Reads the generated custom-elements.json (npm run analyze), so stories take the elements' attributes,
 * events and custom properties from the code's JSDoc instead of listing them again.
 */
import manifest from '../../custom-elements.json';

export interface ManifestAttribute {
  name: string;
  description?: string;
  fieldName?: string;
  type?: { text: string };
  default?: string;
}

export interface ManifestNamed {
  name: string;
  description?: string;
  /** Events: `CustomEvent<…Detail>`. */
  type?: { text: string };
}

export interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  attribute?: string;
  static?: boolean;
  privacy?: 'public' | 'protected' | 'private';
  parameters?: Array<{ name: string; optional?: boolean; type?: { text: string } }>;
  return?: { type?: { text: string } };
}

export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
  slots?: ManifestNamed[];
}

interface Manifest {
  modules: Array<{ path: string; declarations?: ManifestDeclaration[] }>;
}

const declarations = (manifest as unknown as Manifest).modules.flatMap((m) => m.declarations ?? []);

export function declarationFor(tag: string): ManifestDeclaration {
  const found = declarations.find((d) => d.tagName === tag);
  if (!found) {
    throw new Error(`<${tag}> is not in custom-elements.json: run npm run analyze, and check its JSDoc.`);
  }
  return found;
}

export const allDeclarations = (): readonly ManifestDeclaration[] => declarations;

/** Every custom element in the manifest, by tag name. */
export function manifestTags(): string[] {
  return declarations.flatMap((d) => (d.tagName ? [d.tagName] : []));
}

export const attributesOf = (tag: string): ManifestAttribute[] => declarationFor(tag).attributes ?? [];
export const eventsOf = (tag: string): ManifestNamed[] => declarationFor(tag).events ?? [];
export const cssPropertiesOf = (tag: string): ManifestNamed[] => declarationFor(tag).cssProperties ?? [];
export const cssPartsOf = (tag: string): ManifestNamed[] => declarationFor(tag).cssParts ?? [];

/** Every event any element fires (name and description), for hosts listening on a provider. */
export function allEvents(): ManifestNamed[] {
  const seen = new Map<string, ManifestNamed>();
  for (const d of declarations) for (const e of d.events ?? []) if (!seen.has(e.name)) seen.set(e.name, e);
  return [...seen.values()];
}

/** The arg name Storybook gives an event's action, e.g. `care-record-load` → `onCareRecordLoad`. */
export function eventArgName(event: string): string {
  const camel = event.replace(/[-_:.\s]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return `on${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}
