import type { Resource } from '@medplum/fhirtypes';
import { RecordIndex } from '../../src/model/record-index.js';

/** The shared FHIR example corpus (HL7 R4, UK Core, Synthea), served in place by the test runner. */
export const CORPORA = ['hl7-r4', 'uk-core', 'synthea'] as const;
export type Corpus = (typeof CORPORA)[number];

export interface CorpusFile {
  path: string;
  corpus: Corpus;
  /** Every resource in the file, bundle entries included (recursively). */
  resources: Resource[];
  /** Bundle entries by fullUrl, so `urn:uuid:` references resolve. */
  fullUrls: Map<string, Resource>;
  /** An index over the file, as if the file were one HIE response. */
  index: RecordIndex;
}

function collect(json: unknown, into: Pick<CorpusFile, 'resources' | 'fullUrls'>): void {
  const resource = json as Resource | undefined;
  if (!resource || typeof resource !== 'object') return;
  into.resources.push(resource);
  if (resource.resourceType !== 'Bundle') return;
  for (const entry of resource.entry ?? []) {
    if (!entry.resource) continue;
    if (entry.fullUrl) into.fullUrls.set(entry.fullUrl, entry.resource);
    collect(entry.resource, into);
  }
}

/**
 * Loads every corpus file that may hold any of `types`: files in those type folders, every Bundle,
 * and the Synthea bundles. Fails loudly when the corpus is missing, so a test can never pass on nothing.
 */
export async function loadCorpus(types: readonly string[]): Promise<CorpusFile[]> {
  const listing = await fetch('/__fhir-examples/index.json');
  if (!listing.ok) throw new Error('The FHIR example corpus is not served (../shared/fhir-examples).');
  const { files } = (await listing.json()) as { files: string[] };
  const wanted = files
    .map((f) => f.replaceAll('\\', '/'))
    .filter((path) => {
      const [corpus, folder] = path.split('/');
      if (corpus === 'synthea') return true;
      return folder === 'Bundle' || types.includes(folder ?? '');
    });
  if (wanted.length === 0) throw new Error(`No corpus files for ${types.join(', ')}`);
  const loaded: CorpusFile[] = [];
  for (const path of wanted) {
    const into = await readCorpusFile(path);
    loaded.push({
      path,
      corpus: path.split('/')[0] as Corpus,
      ...into,
      index: new RecordIndex(into.resources, { fullUrls: into.fullUrls }),
    });
  }
  return loaded;
}

/** The resources of `types` in a file. */
export function resourcesOf(file: CorpusFile, types: readonly string[]): Resource[] {
  return file.resources.filter((r) => types.includes(r.resourceType));
}

/** A fixed "now" for corpus runs, so results do not depend on the day the tests run. */
export const CORPUS_NOW = new Date('2026-11-27T12:00:00Z');

/** One corpus file by its path under the corpus, e.g. `synthea/hospitalInformation….json`. */
export async function readCorpusFile(path: string): Promise<Pick<CorpusFile, 'resources' | 'fullUrls'>> {
  const response = await fetch(`/__fhir-examples/${path}`);
  if (!response.ok) throw new Error(`Could not read ${path}`);
  const into = { resources: [] as Resource[], fullUrls: new Map<string, Resource>() };
  collect(await response.json(), into);
  return into;
}
