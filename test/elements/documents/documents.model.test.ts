import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, NOW, organisation, OVERDUE_BATCH } from '../../support/fixtures.js';
import { ODS_ORG_CODE_SYSTEM } from '../../../src/fhir/hie-contract.js';
import { mapDocuments, TITLE_NOT_RECORDED, type DocumentRow } from '../../../src/elements/documents/documents.model.js';
import { documentsQueries } from '../../../src/elements/documents/documents.queries.js';

const trust = organisation('trust', "St Anselm's Hospital", 'acute', {
  ods: 'X9B',
  sourceSystem: 'https://st-anselms.example/fhir',
  feed: OVERDUE_BATCH,
});
const gp = organisation('gp', 'Riverside Surgery', 'gp', { ods: null });
const consultant = { resourceType: 'Practitioner', id: 'dr', name: [{ prefix: ['Dr'], given: ['Tomasz'], family: 'Nowak' }] } as Resource;
const role = {
  resourceType: 'PractitionerRole',
  id: 'role',
  practitioner: { reference: 'Practitioner/dr' },
  organization: { reference: 'Organization/trust' },
  code: [{ text: 'Respiratory registrar' }],
} as Resource;

function documentRef(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'DocumentReference',
    id,
    status: 'current',
    subject: { reference: 'Patient/p1' },
    description: `Letter ${id}`,
    ...body,
  } as unknown as Resource;
}

function map(matches: unknown[], included: Resource[] = [trust, gp, consultant, role]): DocumentRow[] {
  return mapDocuments(modelInput(matches as Resource[], included));
}

function one(resource: Resource, included?: Resource[]): DocumentRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0] as DocumentRow;
}

describe('documentsQueries', () => {
  it('searches DocumentReference and Composition once each, with source and author includes', () => {
    const queries = documentsQueries('Patient/p1');
    expect(queries.map((q) => q.resourceType)).to.deep.equal(['DocumentReference', 'Composition']);
    expect(queries[0]!.params['_include']).to.include.members(['DocumentReference:custodian', 'DocumentReference:author']);
    expect(queries[1]!.params['_include']).to.deep.equal(['Composition:author']);
    for (const q of queries) {
      expect(q.params['patient']).to.equal('Patient/p1');
      expect(q.params['_revinclude']).to.equal('Provenance:target');
    }
  });
});

describe('mapDocuments', () => {
  it('maps a full DocumentReference: type, date, author, custodian, status, source and freshness', () => {
    const row = one(
      documentRef('d1', {
        docStatus: 'final',
        type: { coding: [{ system: 'http://snomed.info/sct', code: '371530004', display: 'Clinical consultation report' }], text: 'Clinic letter' },
        category: [{ text: 'Correspondence' }],
        date: '2026-10-20T10:15:00Z',
        author: [{ reference: 'PractitionerRole/role' }],
        custodian: { reference: 'Organization/trust' },
        context: { period: { start: '2026-10-20', end: '2026-10-21' } },
        meta: { lastUpdated: '2026-10-21T09:00:00Z' },
        content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: btoa('Hello'), title: 'Letter' } }],
      }),
    );
    expect(row).to.deep.include({
      key: 'DocumentReference/d1',
      title: 'Letter d1',
      typeText: 'Clinic letter',
      categoryText: 'Correspondence',
      date: '2026-10-20T10:15:00Z',
      custodian: "St Anselm's Hospital",
      status: 'current',
      statusLabel: 'Current',
      superseded: false,
      docStatus: 'final',
      docStatusLabel: 'Final',
      docStatusAttention: false,
      periodStart: '2026-10-20',
      periodEnd: '2026-10-21',
    });
    expect(row.authors).to.deep.equal(["Dr Tomasz Nowak, Respiratory registrar, St Anselm's Hospital"]);
    expect(row.source).to.include({ name: "St Anselm's Hospital", via: 'resource', type: 'acute', odsCode: 'X9B' });
    expect(row.freshness.feed).to.equal('batch');
    expect(row.freshness.possiblyOutOfDate).to.equal(true);
    expect(row.attachments).to.have.length(1);
    expect(row.attachments[0]).to.include({ kind: 'text', contentType: 'text/plain', charset: 'utf-8', formatLabel: 'Plain text' });
  });

  it('marks superseded, preliminary and amended documents, and hides nothing it cannot read', () => {
    const rows = map([
      documentRef('superseded', { status: 'superseded' }),
      documentRef('preliminary', { docStatus: 'preliminary' }),
      documentRef('amended', { docStatus: 'amended' }),
      documentRef('odd', { status: 'archived', docStatus: 'partial' }),
      documentRef('none', { status: undefined }),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('superseded')).to.include({ superseded: true, statusAttention: true, statusLabel: 'Superseded by a newer version' });
    expect(byId.get('preliminary')).to.include({ docStatusLabel: 'Preliminary', docStatusAttention: true, superseded: false });
    expect(byId.get('amended')).to.include({ docStatusLabel: 'Amended', docStatusAttention: true });
    expect(byId.get('odd')).to.include({ statusLabel: 'Status: archived', superseded: false, docStatusLabel: 'Document status: partial' });
    expect(byId.get('none')).to.include({ status: 'unknown', statusLabel: 'Status not recorded', superseded: false });
  });

  it('drops documents entered in error, by status or docStatus', () => {
    const rows = map([
      documentRef('ok'),
      documentRef('eie', { status: 'entered-in-error' }),
      documentRef('eie-doc', { docStatus: 'entered-in-error' }),
      { resourceType: 'Composition', id: 'c-eie', status: 'entered-in-error', title: 'x' },
    ]);
    expect(rows.map((r) => r.id)).to.deep.equal(['ok']);
  });

  it('maps a Composition with its sections, nested sections and confidentiality', () => {
    const row = one({
      resourceType: 'Composition',
      id: 'c1',
      status: 'final',
      type: { coding: [{ system: 'http://snomed.info/sct', code: '371531000', display: 'Report of clinical encounter' }] },
      subject: { reference: 'Patient/p1' },
      date: '2026-11-07T21:30:00Z',
      author: [{ reference: 'Organization/gp' }],
      custodian: { display: 'Riverside 111' },
      title: '111 encounter report',
      confidentiality: 'R',
      section: [
        { title: 'Assessment', text: { status: 'additional', div: '<div>Fever</div>' }, section: [{ code: { text: 'Observations' }, text: { div: '<div>T 38</div>' } }] },
        { title: 'Empty' },
      ],
    } as unknown as Resource);
    expect(row).to.deep.include({
      key: 'Composition/c1',
      title: '111 encounter report',
      typeText: 'Report of clinical encounter',
      status: 'final',
      statusLabel: 'Final',
      superseded: false,
      custodian: 'Riverside 111',
      authors: ['Riverside Surgery'],
      securityLabels: ['Restricted'],
    });
    expect(row.sections).to.deep.equal([
      { title: 'Assessment', narrative: '<div>Fever</div>', sections: [{ title: 'Observations', narrative: '<div>T 38</div>', sections: [] }] },
      { title: 'Empty', narrative: undefined, sections: [] },
    ]);
    expect(row.source).to.include({ name: 'Riverside 111', via: 'resource' });
  });

  it('marks preliminary and amended Compositions', () => {
    const rows = map([
      { resourceType: 'Composition', id: 'p', status: 'preliminary', subject: { reference: 'Patient/p1' } },
      { resourceType: 'Composition', id: 'a', status: 'amended', subject: { reference: 'Patient/p1' } },
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('p')).to.include({ statusLabel: 'Preliminary', statusAttention: true, title: TITLE_NOT_RECORDED });
    expect(byId.get('a')).to.include({ statusLabel: 'Amended', statusAttention: true });
  });

  it('names the source by custodian, author organisation, meta.source, Provenance or not at all', () => {
    const provenance = {
      resourceType: 'Provenance',
      id: 'prov',
      target: [{ reference: 'DocumentReference/by-provenance' }],
      recorded: '2026-11-01T00:00:00Z',
      agent: [{ who: { reference: 'Organization/gp' } }],
    } as Resource;
    const rows = map(
      [
        documentRef('by-custodian', { custodian: { reference: 'Organization/gp' } }),
        documentRef('by-author-role', { author: [{ reference: 'PractitionerRole/role' }] }),
        documentRef('by-meta', { meta: { source: 'https://st-anselms.example/fhir' } }),
        documentRef('by-provenance', { author: [{ reference: 'Practitioner/dr' }] }),
        documentRef('by-nothing', { author: [{ reference: 'Practitioner/dr' }] }),
      ],
      [trust, gp, consultant, role, provenance],
    );
    const source = (id: string) => rows.find((r) => r.id === id)!.source;
    expect(source('by-custodian')).to.include({ name: 'Riverside Surgery', via: 'resource' });
    expect(source('by-author-role')).to.include({ name: "St Anselm's Hospital", via: 'resource' });
    expect(source('by-meta')).to.include({ name: "St Anselm's Hospital", via: 'meta.source' });
    expect(source('by-provenance')).to.include({ name: 'Riverside Surgery', via: 'provenance' });
    expect(source('by-nothing')).to.include({ name: undefined, via: 'none' });
    expect(rows.find((r) => r.id === 'by-nothing')!.custodian).to.equal(undefined);
  });

  it('reads authors of every kind and keeps a display when the reference does not resolve', () => {
    const row = one(
      documentRef('a', {
        author: [
          { reference: 'Practitioner/dr' },
          { reference: 'Organization/gp' },
          { reference: 'Practitioner/unknown', display: 'Nurse Amy Clarke' },
          { reference: 'Practitioner/unknown-no-display' },
          { display: 'Dr Tomasz Nowak' },
          'not a reference',
        ],
      }),
    );
    expect(row.authors).to.deep.equal(['Dr Tomasz Nowak', 'Riverside Surgery', 'Nurse Amy Clarke']);
  });

  it('reads the custodian from a display or an ODS identifier when it is not included', () => {
    expect(one(documentRef('a', { custodian: { display: 'Riverside Trust' } })).custodian).to.equal('Riverside Trust');
    expect(one(documentRef('b', { custodian: { identifier: { system: ODS_ORG_CODE_SYSTEM, value: 'RXX' } } })).custodian).to.equal(
      'ODS code RXX',
    );
  });

  it('classifies attachments by content type and keeps inline data and addresses', () => {
    const row = one(
      documentRef('att', {
        content: [
          { attachment: { contentType: 'application/pdf', url: 'Binary/1', title: 'Report', size: 1234, creation: '2026-10-01' } },
          { attachment: { contentType: 'TEXT/HTML; charset=ISO-8859-1', data: 'PGI+\naGk8L2I+' } },
          { attachment: { contentType: 'image/png', data: 'iVBORw0KGgo=' } },
          { attachment: { contentType: 'image/svg+xml', data: 'PHN2Zz4=' } },
          { attachment: { contentType: 'application/hl7-v3+xml', url: 'https://x.example/cda' } },
          { attachment: { url: 'Binary/2' } },
          { attachment: {} },
          { format: { code: 'x' } },
        ],
      }),
    );
    expect(row.attachments.map((a) => [a.kind, a.formatLabel])).to.deep.equal([
      ['pdf', 'PDF'],
      ['html', 'Web page (HTML)'],
      ['image', 'Image (PNG)'],
      ['unsupported', 'Format image/svg+xml'],
      ['text', 'Text (application/hl7-v3+xml)'],
      ['unknown', 'Format not recorded'],
    ]);
    expect(row.attachments[0]).to.include({ url: 'Binary/1', size: 1234, creation: '2026-10-01', title: 'Report' });
    expect(row.attachments[1]).to.include({ data: 'PGI+aGk8L2I+', charset: 'ISO-8859-1', contentType: 'text/html' });
    expect(row.title).to.equal('Letter att');
  });

  it('takes the title from the description, then an attachment title, then the type', () => {
    const rows = map([
      documentRef('a', { description: undefined, content: [{ attachment: { title: 'Scan', url: 'Binary/1' } }] }),
      documentRef('b', { description: undefined, type: { text: 'Referral letter' } }),
      documentRef('c', { description: undefined }),
    ]);
    const title = (id: string) => rows.find((r) => r.id === id)!.title;
    expect(title('a')).to.equal('Scan');
    expect(title('b')).to.equal('Referral letter');
    expect(title('c')).to.equal(TITLE_NOT_RECORDED);
  });

  it('keeps partial dates as sent and falls back through period, attachment creation and lastUpdated', () => {
    const rows = map([
      documentRef('partial', { date: '2025-10' }),
      documentRef('period', { date: 'yesterday', context: { period: { start: '2026-01-02' } } }),
      documentRef('creation', { content: [{ attachment: { url: 'Binary/x', creation: '2024' } }] }),
      documentRef('meta', { meta: { lastUpdated: '2023-05-06T07:08:09Z' } }),
      documentRef('nothing'),
    ]);
    const date = (id: string) => rows.find((r) => r.id === id)!.date;
    expect(date('partial')).to.equal('2025-10');
    expect(date('period')).to.equal('2026-01-02');
    expect(date('creation')).to.equal('2024');
    expect(date('meta')).to.equal('2023-05-06T07:08:09Z');
    expect(date('nothing')).to.equal(undefined);
    expect(rows.map((r) => r.id)).to.deep.equal(['period', 'partial', 'creation', 'meta', 'nothing']);
  });

  it('combines meta.security with the document security labels', () => {
    const row = one(
      documentRef('s', {
        meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }] },
        securityLabel: [
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' }] },
        ],
      }),
    );
    expect(row.securityLabels).to.deep.equal(['Mental health', 'Restricted']);
  });

  it('says which other sources shared the same document', () => {
    const id = { system: 'urn:x', value: 'DS-1' };
    const rows = map([
      documentRef('trust-copy', { masterIdentifier: id, custodian: { reference: 'Organization/trust' } }),
      documentRef('gp-copy', { masterIdentifier: id, custodian: { reference: 'Organization/gp' } }),
      documentRef('other', { masterIdentifier: { system: 'urn:x', value: 'DS-2' }, custodian: { reference: 'Organization/gp' } }),
      // Other identifiers (e.g. an episode number) can be shared by different documents: not the same document.
      documentRef('episode-a', { identifier: [{ system: 'urn:ep', value: 'E1' }], custodian: { reference: 'Organization/gp' } }),
      documentRef('episode-b', { identifier: [{ system: 'urn:ep', value: 'E1' }], custodian: { reference: 'Organization/trust' } }),
    ]);
    const shared = (key: string) => rows.find((r) => r.id === key)!.alsoSharedBy;
    expect(shared('trust-copy')).to.deep.equal(['Riverside Surgery']);
    expect(shared('gp-copy')).to.deep.equal(["St Anselm's Hospital"]);
    expect(shared('other')).to.deep.equal([]);
    expect(shared('episode-a')).to.deep.equal([]);
    expect(shared('episode-b')).to.deep.equal([]);
  });

  it('never throws on wrong types, nulls and junk, and keeps unique keys', () => {
    const junk = [
      null,
      42,
      'DocumentReference',
      [],
      { resourceType: 'Observation', id: 'o' },
      { resourceType: 'DocumentReference' },
      documentRef('dup'),
      documentRef('dup'),
      documentRef('weird', {
        status: 7,
        docStatus: ['final'],
        type: 'letter',
        category: 'x',
        date: 20261101,
        author: { reference: 5 },
        custodian: 'Organization/gp',
        content: { attachment: { contentType: 5, data: 7, url: {} } },
        context: { period: 'x' },
        securityLabel: 'R',
        meta: { security: 'x', lastUpdated: 5 },
        masterIdentifier: 'x',
        description: ['x'],
      }),
      { resourceType: 'Composition', id: 'c', section: 'x', title: 5, text: 'x', event: 'x', confidentiality: 5 },
      { resourceType: 'Composition', id: 'c2', section: [{ section: { section: [{ text: { div: 5 } }] } }] },
    ];
    let rows: DocumentRow[] = [];
    expect(() => (rows = map(junk))).to.not.throw();
    expect(rows.map((r) => r.key)).to.have.members([
      'DocumentReference/#5',
      'DocumentReference/dup',
      'DocumentReference/dup~2',
      'DocumentReference/weird',
      'Composition/c',
      'Composition/c2',
    ]);
    const weird = rows.find((r) => r.id === 'weird')!;
    expect(weird).to.include({ title: TITLE_NOT_RECORDED, status: 'unknown', statusLabel: 'Status not recorded', custodian: undefined });
    expect(weird.authors).to.deep.equal([]);
    expect(weird.attachments).to.deep.equal([]);
    expect(rows.find((r) => r.id === 'c2')!.sections[0]!.sections[0]!.sections[0]).to.deep.include({ narrative: undefined });
  });

  it('does not throw when the reference resolver throws', () => {
    const throwing = {
      resolve: () => {
        throw new Error('boom');
      },
      provenanceFor: () => {
        throw new Error('boom');
      },
    };
    const matches = [documentRef('a', { custodian: { reference: 'Organization/gp' }, author: [{ reference: 'Practitioner/dr', display: 'Dr X' }] })];
    let rows: DocumentRow[] = [];
    expect(() => (rows = mapDocuments({ matches, index: throwing, now: NOW }))).to.not.throw();
    expect(rows[0]!.source.via).to.equal('none');
    expect(rows[0]!.authors).to.deep.equal(['Dr X']);
  });
});
