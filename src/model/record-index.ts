import type { Provenance, Reference, Resource } from '@medplum/fhirtypes';
import type { ReferenceResolver } from './record-types.js';
import { asArray, asRecord, asRecords, asString, type JsonRecord } from './json-guards.js';

export interface RecordIndexOptions {
  /** The HIE's FHIR base; absolute references on it resolve like relative ones. */
  baseUrl?: string | undefined;
  /** Bundle `fullUrl` → resource, for `urn:uuid:` and absolute references. */
  fullUrls?: Map<string, Resource> | undefined;
}

const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const CONDITIONAL_REFERENCE = /^([A-Z][A-Za-z]+)\?(.+)$/;

function resourceKey(resource: unknown): string | undefined {
  const record = asRecord(resource);
  const type = asString(record?.['resourceType']);
  const id = asString(record?.['id']);
  return type && id ? `${type}/${id}` : undefined;
}

function identifierKey(type: string, system: unknown, value: unknown): string | undefined {
  const s = asString(system);
  const v = asString(value);
  return s && v ? `${type}|${s}|${v}` : undefined;
}

/**
 * Resolves references among one search's matches, `_include`d resources and contained resources.
 * References to other servers, ambiguous identifiers and unknown forms resolve to nothing rather
 * than to a look-alike: showing the wrong organisation is worse than "source not recorded".
 */
export class RecordIndex implements ReferenceResolver {
  private readonly resources: Resource[];
  private readonly byKey = new Map<string, Resource>();
  private readonly byFullUrl = new Map<string, Resource>();
  private readonly base: string | undefined;
  /** Contained resources resolve `#id` against their container, which `from` may be. */
  private readonly containerOf = new WeakMap<object, Resource>();
  private byIdentifier: Map<string, Resource[]> | undefined;
  /**
   * Answers for references that do not depend on where they sit (all but `#id`): thousands of items
   * name the same few organisations and medicines. The index never changes once built.
   */
  private readonly byLiteral = new Map<string, Resource | undefined>();
  private provenance: { byObject: Map<object, Provenance[]>; byKey: Map<string, Provenance[]> } | undefined;

  constructor(resources: Resource[], opts: RecordIndexOptions = {}) {
    this.resources = asRecords(resources) as unknown as Resource[];
    this.base = asString(opts.baseUrl)?.replace(/\/+$/, '');
    for (const resource of this.resources) this.add(resource);
    for (const [url, resource] of opts.fullUrls ?? []) {
      const fullUrl = asString(url);
      if (!fullUrl || !asRecord(resource)) continue;
      if (!this.byFullUrl.has(fullUrl)) this.byFullUrl.set(fullUrl, resource);
      this.add(resource);
    }
  }

  private add(resource: Resource): void {
    const key = resourceKey(resource);
    // The first copy wins so a later page cannot silently replace what earlier rows referred to.
    if (key && !this.byKey.has(key)) this.byKey.set(key, resource);
  }

  resolve<T extends Resource>(ref: Reference | undefined, from?: Resource): T | undefined {
    const record = asRecord(ref);
    if (!record) return undefined;
    const expectedType = asString(record['type']);
    const literal = asString(record['reference']);
    const found = literal
      ? this.resolveLiteral(literal, from)
      : this.resolveIdentifier(asRecord(record['identifier']), expectedType);
    if (!found || (expectedType && found.resourceType !== expectedType)) return undefined;
    return found as T;
  }

  provenanceFor(resource: Resource): Provenance[] {
    const index = (this.provenance ??= this.indexProvenance());
    const found = [...(index.byObject.get(resource) ?? [])];
    const key = resourceKey(resource);
    for (const provenance of (key && index.byKey.get(key)) || []) {
      if (!found.includes(provenance)) found.push(provenance);
    }
    return found;
  }

  /** `Type/id` for a literal reference on this server (relative, or absolute on the base). */
  localKey(literal: string): string | undefined {
    let path = literal;
    if (/^[a-z][a-z0-9+.-]*:/i.test(literal)) {
      if (!this.base || !literal.startsWith(`${this.base}/`)) return undefined;
      path = literal.slice(this.base.length + 1);
    }
    const m = RELATIVE_REFERENCE.exec(path);
    return m ? `${m[1]}/${m[2]}` : undefined;
  }

  private resolveLiteral(literal: string, from: Resource | undefined): Resource | undefined {
    if (literal.startsWith('#')) return this.resolveContained(literal.slice(1), from);
    if (this.byLiteral.has(literal)) return this.byLiteral.get(literal);
    const found = this.resolveLocal(literal);
    this.byLiteral.set(literal, found);
    return found;
  }

  private resolveLocal(literal: string): Resource | undefined {
    const byUrl = this.byFullUrl.get(literal);
    if (byUrl) return byUrl;
    const conditional = CONDITIONAL_REFERENCE.exec(literal);
    if (conditional) return this.resolveConditional(conditional[1] as string, conditional[2] as string);
    const key = this.localKey(literal);
    return key ? this.byKey.get(key) : undefined;
  }

  private resolveContained(id: string, from: Resource | undefined): Resource | undefined {
    if (!asRecord(from)) return undefined;
    const container = this.containerOf.get(from as object) ?? (from as Resource);
    if (id === '') return container;
    const contained = asRecords((container as unknown as JsonRecord)['contained']).find(
      (candidate) => asString(candidate['id']) === id,
    );
    if (!contained) return undefined;
    this.containerOf.set(contained, container);
    return contained as unknown as Resource;
  }

  /** Only `Type?identifier=system|value`, the form Synthea and transaction bundles use. */
  private resolveConditional(type: string, query: string): Resource | undefined {
    const params = new URLSearchParams(query);
    const identifier = params.get('identifier');
    if (!identifier || [...params.keys()].length !== 1) return undefined;
    const bar = identifier.indexOf('|');
    if (bar < 0) return undefined;
    return this.resolveIdentifier({ system: identifier.slice(0, bar), value: identifier.slice(bar + 1) }, type);
  }

  private resolveIdentifier(identifier: JsonRecord | undefined, type: string | undefined): Resource | undefined {
    if (!identifier || !type) return undefined;
    const key = identifierKey(type, identifier['system'], identifier['value']);
    if (!key) return undefined;
    const matches = (this.byIdentifier ??= this.indexIdentifiers()).get(key) ?? [];
    return matches.length === 1 ? matches[0] : undefined;
  }

  private indexIdentifiers(): Map<string, Resource[]> {
    const index = new Map<string, Resource[]>();
    for (const resource of new Set([...this.byKey.values(), ...this.byFullUrl.values()])) {
      for (const identifier of asRecords((resource as unknown as JsonRecord)['identifier'])) {
        const key = identifierKey(resource.resourceType, identifier['system'], identifier['value']);
        if (!key) continue;
        const list = index.get(key) ?? [];
        if (!list.includes(resource)) list.push(resource);
        index.set(key, list);
      }
    }
    return index;
  }

  private indexProvenance(): { byObject: Map<object, Provenance[]>; byKey: Map<string, Provenance[]> } {
    const byObject = new Map<object, Provenance[]>();
    const byKey = new Map<string, Provenance[]>();
    const push = <K>(map: Map<K, Provenance[]>, key: K, provenance: Provenance): void => {
      const list = map.get(key) ?? [];
      if (!list.includes(provenance)) list.push(provenance);
      map.set(key, list);
    };
    const all = new Set([...this.resources, ...this.byFullUrl.values()]);
    for (const resource of all) {
      if (resource.resourceType !== 'Provenance') continue;
      for (const target of asArray((resource as Provenance).target)) {
        const resolved: Resource | undefined = this.resolve<Resource>(target as Reference, resource);
        if (resolved && resolved !== resource) push(byObject, resolved as object, resource);
        const literal = asString(asRecord(target)?.['reference']);
        const key = literal ? this.localKey(literal) : undefined;
        if (key) push(byKey, key, resource);
      }
    }
    return { byObject, byKey };
  }
}
