import { expect, fixture } from '@open-wc/testing';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import type { CareRecordLoadDetail } from '../../src/core/events.js';
import type { WidgetState } from '../../src/core/record-controller.js';
import { mockHie } from '../support/mock-hie.js';
import { plainFhirServer, storeAsTransaction, type PlainServer } from '../support/plain-fhir-server.js';
import { parts, settled, shadow, text } from '../support/widgets.js';

/**
 * The elements against a plain FHIR R4 server that answers as HAPI does, loaded with the shared
 * Synthea patients (../shared/fhir-examples/synthea): nothing there follows our HIE contract.
 * Every widget must end ready or empty (never an error), show every item it was sent with a source
 * and a freshness label, and say so when the server refused part of what it asked for.
 */

const BASE = 'https://plain-fhir.example/baseR4';
const SYNTHEA = [
  'Joni720_Kihn564_e3b69927-1ce6-733f-ae53-a93593e329d1.json',
  'Tobias236_Weimann465_4f4f93f9-5f61-7656-c9f2-21c98f6015e0.json',
  'Heath320_Beahan375_cd0f6550-8d31-0c07-0b6a-51c1fbec41f8.json',
  'hospitalInformation1631543164888.json',
  'practitionerInformation1631543164888.json',
];

const TAGS = [
  'care-record-medications',
  'care-record-problems',
  'care-record-allergies',
  'care-record-results',
  'care-record-appointments',
  'care-record-encounters',
  'care-record-care-plans',
  'care-record-care-team',
  'care-record-documents',
  'care-record-sources',
];

/** Search types whose items each widget lists one row per resource, for the count check. */
const ONE_ROW_PER_RESOURCE: Record<string, (r: Resource) => boolean> = {
  'care-record-medications': (r) => r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement',
  'care-record-problems': (r) => r.resourceType === 'Condition',
  'care-record-encounters': (r) => r.resourceType === 'Encounter',
  'care-record-documents': (r) => r.resourceType === 'DocumentReference' || r.resourceType === 'Composition',
};

type Widget = HTMLElement & { state: WidgetState };

async function synthea(): Promise<Resource[]> {
  const bundles = await Promise.all(
    SYNTHEA.map(async (file) => {
      const response = await fetch(`/__fhir-examples/synthea/${file}`);
      expect(response.ok, `${file} is served from ../shared/fhir-examples`).to.equal(true);
      return (await response.json()) as Bundle;
    }),
  );
  return storeAsTransaction(bundles);
}

/** Renders `tag` for `patientId` on the plain server; its care-record-load detail once loaded. */
async function renderOnServer(tag: string, patientId: string): Promise<{ el: Widget; load: () => CareRecordLoadDetail | undefined }> {
  const t = unsafeStatic(tag);
  let load: CareRecordLoadDetail | undefined;
  const el = await fixture<Widget>(
    staticHtml`<${t} base-url=${BASE} patient-id=${patientId} .tokenProvider=${() => 'any-token'}
      @care-record-load=${(e: CustomEvent<CareRecordLoadDetail>) => (load = e.detail)}></${t}>`,
  );
  await settled(el, 30_000);
  return { el, load: () => load };
}

function expectSourceAndFreshnessOnEveryItem(el: Widget): void {
  for (const item of parts(el, 'item')) {
    expect(item.querySelector('[part~="source"]'), item.dataset['key']).to.exist;
    expect(item.querySelector('[part~="freshness"]'), item.dataset['key']).to.exist;
  }
}

function patientOf(r: Resource): string | undefined {
  const json = r as { subject?: { reference?: string }; patient?: { reference?: string } };
  return json.subject?.reference ?? json.patient?.reference;
}

describe('the elements against a plain FHIR server (HAPI-like) with Synthea patients', () => {
  let resources: Resource[];
  let server: PlainServer;

  before(async () => {
    resources = await synthea();
    server = plainFhirServer(BASE, resources);
  });

  beforeEach(async () => {
    (await mockHie()).use(...server.handlers);
    server.urls.length = 0;
  });

  afterEach(async () => (await mockHie()).resetHandlers());

  const patients = ['e3b69927-1ce6-733f-ae53-a93593e329d1', '4f4f93f9-5f61-7656-c9f2-21c98f6015e0'];

  for (const patientId of patients) {
    for (const tag of TAGS) {
      it(`<${tag}> for Synthea patient ${patientId.slice(0, 8)}: ready or empty, every item with source and freshness`, async () => {
        const { el, load } = await renderOnServer(tag, patientId);
        expect(el.state, text(parts(el, 'status')[0])).to.be.oneOf(['ready', 'empty']);
        const notices = text(shadow(el).querySelector('[part~="notices"]'));
        expect(notices).not.to.contain('unexpected form');
        expect(notices).not.to.contain('did not belong to this patient');
        expectSourceAndFreshnessOnEveryItem(el);
        const counted = ONE_ROW_PER_RESOURCE[tag];
        if (counted) {
          const sent = resources.filter((r) => counted(r) && patientOf(r) === `Patient/${patientId}`).length;
          expect(load(), 'care-record-load').to.exist;
          // Every item sent is shown or counted as hidden by the filters: none is lost on the way.
          expect(load()!.shown + load()!.hiddenByFilters, `${tag} items`).to.equal(sent);
        }
        // The server's next links (HAPI's ?_getpages=) were followed on its own origin.
        expect(server.urls.every((u) => u.startsWith(BASE))).to.equal(true);
      });
    }
  }

  it('names the organisation from Synthea\'s Provenance (onBehalfOf display) rather than "Source not recorded"', async () => {
    const { el } = await renderOnServer('care-record-problems', patients[0]!);
    const sources = parts(el, 'source').map(text);
    expect(sources.length).to.be.greaterThan(0);
    expect(sources.some((s) => s.includes('Source not recorded')), sources.join(' | ')).to.equal(false);
  });
});

/** The published example resources of one corpus (not its Bundles), as one server holding them all. */
async function corpusResources(corpus: 'uk-core' | 'hl7-r4'): Promise<Resource[]> {
  const { files } = (await (await fetch('/__fhir-examples/index.json')).json()) as { files: string[] };
  const wanted = files.map((f) => f.replaceAll('\\', '/')).filter((f) => f.startsWith(`${corpus}/`) && !f.startsWith(`${corpus}/Bundle/`));
  expect(wanted.length, `${corpus} examples`).to.be.greaterThan(20);
  const resources = await Promise.all(wanted.map(async (f) => (await (await fetch(`/__fhir-examples/${f}`)).json()) as Resource));
  return storeAsTransaction([{ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) }]);
}

for (const [corpus, patientId] of [
  ['uk-core', 'UKCore-Patient-RichardSmith-Example'],
  ['hl7-r4', 'example'],
] as const) {
  describe(`the elements against a plain FHIR server holding the ${corpus} examples`, () => {
    let server: PlainServer;
    const ready: string[] = [];
    before(async () => {
      server = plainFhirServer(BASE, await corpusResources(corpus));
    });
    beforeEach(async () => (await mockHie()).use(...server.handlers));
    afterEach(async () => (await mockHie()).resetHandlers());

    for (const tag of TAGS) {
      it(`<${tag}> for Patient/${patientId}: ready or empty, every item with source and freshness`, async () => {
        const { el } = await renderOnServer(tag, patientId);
        expect(el.state, text(parts(el, 'status')[0])).to.be.oneOf(['ready', 'empty']);
        if (el.state === 'ready') ready.push(tag);
        expectSourceAndFreshnessOnEveryItem(el);
      });
    }

    if (corpus === 'uk-core') {
      it('finds the patient by NHS number (Patient?identifier=) and shows the same items as by id', async () => {
        const byId = await renderOnServer('care-record-allergies', patientId);
        const expected = parts(byId.el, 'item').map((i) => i.dataset['key']);
        expect(expected.length, 'allergies shown by id').to.be.greaterThan(0);
        byId.el.remove();
        const t = unsafeStatic('care-record-allergies');
        const el = await fixture<Widget>(
          staticHtml`<${t} base-url=${BASE} nhs-number="991 200 3888" .tokenProvider=${() => 'any-token'}></${t}>`,
        );
        await settled(el, 30_000);
        expect(el.state).to.equal('ready');
        expect(parts(el, 'item').map((i) => i.dataset['key'])).to.deep.equal(expected);
        expect(server.urls.some((u) => u.includes('identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9912003888'))).to.equal(true);
      });
    }

    it('found items for this patient in most widgets, so the checks above were not run on nothing', () => {
      expect(ready.length, ready.join(', ')).to.be.greaterThan(TAGS.length / 2);
    });
  });
}

describe('the elements against a plain FHIR server that offers no MedicationStatement or Composition', () => {
  let server: PlainServer;
  const patientId = 'UKCore-Patient-RichardSmith-Example';
  before(async () => {
    server = plainFhirServer(BASE, await corpusResources('uk-core'), { withoutTypes: ['MedicationStatement', 'Composition'] });
  });
  beforeEach(async () => (await mockHie()).use(...server.handlers));
  afterEach(async () => (await mockHie()).resetHandlers());

  for (const [tag, missing, kept] of [
    ['care-record-medications', 'MedicationStatement', 'MedicationRequest'],
    ['care-record-documents', 'Composition', 'DocumentReference'],
  ] as const) {
    it(`<${tag}> shows its ${kept} items and says the server offers no ${missing} search`, async () => {
      const { el, load } = await renderOnServer(tag, patientId);
      expect(el.state, text(parts(el, 'status')[0])).to.equal('ready');
      expect(load()!.shown + load()!.hiddenByFilters, `${kept} items received`).to.be.greaterThan(0);
      expect(text(shadow(el).querySelector('[part~="notices"]'))).to.contain(
        `The HIE does not offer a search for ${missing} records (it said: HAPI-0302: Unknown resource type '${missing}'`,
      );
    });
  }
});
