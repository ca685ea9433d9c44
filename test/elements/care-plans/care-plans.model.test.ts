import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, NOW, organisation } from '../../support/fixtures.js';
import { mapCarePlans, type CarePlanRow } from '../../../src/elements/care-plans/care-plans.model.js';

const SUBJECT = { reference: 'Patient/p1' };

const mentalHealth = organisation('mh1', 'North East London Mental Health Trust', 'mental-health', {
  sourceSystem: 'https://mh.example/fhir',
});
const socialCare = organisation('sc1', 'Riverside Adult Social Care', 'social-care');
const coordinator = {
  resourceType: 'PractitionerRole',
  id: 'cpa1',
  practitioner: { reference: 'Practitioner/femi' },
  organization: { reference: 'Organization/mh1' },
  code: [{ text: 'Care coordinator' }],
} as Resource;
const femi = { resourceType: 'Practitioner', id: 'femi', name: [{ given: ['Femi'], family: 'Adebayo' }] } as Resource;
const INCLUDED = [mentalHealth, socialCare, coordinator, femi];

function plan(id: string, body: Record<string, unknown> = {}): Resource {
  return { resourceType: 'CarePlan', id, status: 'active', intent: 'plan', subject: SUBJECT, ...body } as unknown as Resource;
}

function map(matches: Resource[], included: Resource[] = INCLUDED): CarePlanRow[] {
  return mapCarePlans(modelInput(matches, included));
}

function one(resource: Resource, included?: Resource[]): CarePlanRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0]!;
}

describe('mapCarePlans', () => {
  it('maps a full CarePlan: title, category, period, author, addresses, notes and activities', () => {
    const row = one(
      plan('cpa', {
        title: 'CPA care plan',
        description: 'Keep mood stable',
        category: [{ coding: [{ system: 'http://snomed.info/sct', code: '718347000', display: 'Mental health care plan' }] }, { text: 'CPA' }],
        period: { start: '2026-05-11', end: '2027-05' },
        created: '2026-05-10',
        author: { reference: 'PractitionerRole/cpa1' },
        addresses: [{ reference: '#dep' }, { display: 'Anxiety' }],
        contained: [{ resourceType: 'Condition', id: 'dep', code: { text: 'Depression' }, subject: SUBJECT }],
        note: [{ text: 'Crisis line 0808 157 0123' }],
        meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }] },
        activity: [
          {
            detail: {
              code: { text: 'Care coordinator visit' },
              status: 'in-progress',
              scheduledTiming: { repeat: { frequency: 1, period: 4, periodUnit: 'wk', boundsPeriod: { start: '2026-05-11' } } },
              performer: [{ reference: 'PractitionerRole/cpa1' }],
            },
          },
        ],
      }),
    );
    expect(row).to.deep.include({
      key: 'CarePlan/cpa',
      status: 'active',
      statusLabel: 'Active',
      current: true,
      attention: false,
      title: 'CPA care plan',
      description: 'Keep mood stable',
      categories: ['Mental health care plan', 'CPA'],
      intentLabel: undefined,
      start: '2026-05-11',
      end: '2027-05',
      created: '2026-05-10',
      date: '2026-05-11',
      author: 'Femi Adebayo (Care coordinator), North East London Mental Health Trust',
      addresses: ['Depression', 'Anxiety'],
      notes: ['Crisis line 0808 157 0123'],
      securityLabels: ['Mental health'],
    });
    expect(row.source).to.include({ name: 'North East London Mental Health Trust', typeLabel: 'Mental health', via: 'resource' });
    expect(row.activities).to.deep.equal([
      {
        key: 'activity-0',
        text: 'Care coordinator visit',
        description: undefined,
        status: 'in-progress',
        statusLabel: 'In progress',
        doNotPerform: false,
        schedule: { start: '2026-05-11', end: undefined, dates: [], text: 'once every 4 weeks' },
        outcomes: [],
        performers: ['Femi Adebayo (Care coordinator), North East London Mental Health Trust'],
        linked: undefined,
        hasDetail: true,
      },
    ]);
  });

  it('reads every kind of activity: coded, described, prohibited, linked, with outcomes and schedules', () => {
    const row = one(
      plan('acts', {
        activity: [
          { detail: { description: 'Walk to the shops', status: 'not-started', scheduledString: 'Most mornings' } },
          { detail: { code: { text: 'Amlodipine' }, description: 'Do not restart', status: 'not-started', doNotPerform: true } },
          { reference: { reference: 'ServiceRequest/sr1', display: 'Echocardiogram request' } },
          { reference: { reference: '#sr2' } },
          { reference: { reference: 'Appointment/unknown' } },
          {
            outcomeCodeableConcept: [{ coding: [{ system: 'http://snomed.info/sct', code: '161832001', display: 'Progressive weight loss' }] }],
            outcomeReference: [{ reference: 'Observation/o1', display: 'Weight measured' }],
            detail: {
              code: { coding: [{ system: 'http://snomed.info/sct', code: '27113001', display: 'Body weight' }] },
              status: 'completed',
              scheduledTiming: { event: ['2026-01-01', 'bad', '2026-02-01'], code: { text: 'Monthly' } },
              performer: [{ reference: 'Patient/p1' }],
            },
            reference: { display: 'Weight check order' },
          },
          { detail: { status: 'entered-in-error', code: { text: 'Mistake' } } },
          { detail: { status: 'on-hold', scheduledPeriod: { end: '2026-12-01' } } },
          { detail: { status: 'cancelled', scheduledTiming: { repeat: { frequency: 2, frequencyMax: 3, period: 1, periodUnit: 'd' } } } },
        ],
        contained: [{ resourceType: 'ServiceRequest', id: 'sr2', code: { text: 'Blood tests' } }],
      }),
    );
    const summary = row.activities.map((a) => [a.text, a.description, a.statusLabel, a.doNotPerform, a.schedule, a.outcomes, a.performers, a.linked]);
    expect(summary).to.deep.equal([
      ['Walk to the shops', undefined, 'Not started', false, { start: undefined, end: undefined, dates: [], text: 'Most mornings' }, [], [], undefined],
      ['Amlodipine', 'Do not restart', 'Not started', true, undefined, [], [], undefined],
      ['Echocardiogram request', undefined, 'Status not recorded', false, undefined, [], [], undefined],
      ['Blood tests', undefined, 'Status not recorded', false, undefined, [], [], undefined],
      ['Linked Appointment (details not recorded)', undefined, 'Status not recorded', false, undefined, [], [], undefined],
      [
        'Body weight',
        undefined,
        'Completed',
        false,
        { start: undefined, end: undefined, dates: ['2026-01-01', '2026-02-01'], text: 'Monthly' },
        ['Progressive weight loss', 'Weight measured'],
        ['The patient'],
        'Weight check order',
      ],
      [undefined, undefined, 'On hold', false, { start: undefined, end: '2026-12-01', dates: [], text: undefined }, [], [], undefined],
      [undefined, undefined, 'Cancelled', false, undefined, [], [], undefined],
    ]);
    expect(row.activities.map((a) => a.key)).to.deep.equal([0, 1, 2, 3, 4, 5, 7, 8].map((i) => `activity-${i}`));
    expect(row.activities.map((a) => a.hasDetail)).to.deep.equal([true, true, false, false, false, true, true, true]);
  });

  it('words every activity status, and an unknown one as sent', () => {
    const statuses = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'paused', 'toString'];
    const row = one(plan('s', { activity: statuses.map((status) => ({ detail: { status } })) }));
    expect(row.activities.map((a) => a.statusLabel)).to.deep.equal([
      'Not started',
      'Scheduled',
      'In progress',
      'On hold',
      'Completed',
      'Cancelled',
      'Stopped',
      'Status unknown',
      'Status: paused',
      'Status: toString',
    ]);
  });

  it('drops entered-in-error plans; completed and revoked leave the default view; draft, on hold, unknown are marked', () => {
    const statuses = ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'];
    const rows = map(statuses.map((status, i) => plan(status, { status, period: { start: `2026-0${i + 1}-01` } })));
    expect(rows.map((r) => [r.status, r.statusLabel, r.current, r.attention])).to.deep.equal([
      ['unknown', 'Status unknown', true, true],
      ['completed', 'Completed', false, false],
      ['revoked', 'Revoked', false, false],
      ['on-hold', 'On hold', true, true],
      ['active', 'Active', true, false],
      ['draft', 'Draft', true, true],
    ]);
  });

  it('keeps a missing or unrecognised status in the default view', () => {
    const [missing, odd] = map([plan('a', { status: undefined, created: '2026-02-01' }), plan('b', { status: 'paused', created: '2026-01-01' })]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Status not recorded', current: true });
    expect(odd).to.include({ status: 'paused', statusLabel: 'Status: paused', current: true });
  });

  it('words the intent only when it is not a plain plan', () => {
    const rows = map(['plan', 'proposal', 'order', 'option', 'directive', 'constructor', undefined].map((intent, i) => plan(`i${i}`, { intent, created: `2026-0${i + 1}-01` })));
    expect(rows.reverse().map((r) => r.intentLabel)).to.deep.equal([undefined, 'Proposal', 'Order', 'Option', 'Intent: directive', 'Intent: constructor', undefined]);
  });

  it('dates a plan by its start, then created, then its end, then meta.lastUpdated', () => {
    const rows = map([
      plan('a', { period: { start: '2023-06' }, created: '2026-01-01' }),
      plan('b', { created: '2024-03-01', period: { end: '2026-01-01' } }),
      plan('c', { period: { end: '2025' } }),
      plan('d', { meta: { lastUpdated: '2026-02-02T10:00:00Z' } }),
      plan('e', { period: { start: 'not a date' } }),
    ]);
    expect(rows.map((r) => [r.id, r.date])).to.deep.equal([
      ['d', '2026-02-02T10:00:00Z'],
      ['c', '2025'],
      ['b', '2024-03-01'],
      ['a', '2023-06'],
      ['e', undefined],
    ]);
  });

  it('names its source by author, meta.source, Provenance, or not at all; a person author is not a source', () => {
    const provenance = {
      resourceType: 'Provenance',
      id: 'prov1',
      target: [{ reference: 'CarePlan/by-provenance' }],
      recorded: '2026-11-20T10:00:00Z',
      agent: [{ who: { reference: 'Organization/sc1' } }],
    } as Resource;
    const rows = map(
      [
        plan('by-author', { author: { reference: 'Organization/sc1' }, created: '2026-05-01' }),
        plan('by-role', { author: { reference: 'PractitionerRole/cpa1' }, created: '2026-04-01' }),
        plan('by-meta', { author: { reference: 'Practitioner/femi' }, meta: { source: 'https://mh.example/fhir' }, created: '2026-03-01' }),
        plan('by-provenance', { author: { display: 'Dr Somebody', type: 'Practitioner' }, created: '2026-02-01' }),
        plan('by-nothing', { created: '2026-01-01' }),
      ],
      [...INCLUDED, provenance],
    );
    expect(rows.map((r) => [r.id, r.source.name, r.source.via, r.author])).to.deep.equal([
      ['by-author', 'Riverside Adult Social Care', 'resource', 'Riverside Adult Social Care'],
      ['by-role', 'North East London Mental Health Trust', 'resource', 'Femi Adebayo (Care coordinator), North East London Mental Health Trust'],
      ['by-meta', 'North East London Mental Health Trust', 'meta.source', 'Femi Adebayo'],
      ['by-provenance', 'Riverside Adult Social Care', 'provenance', 'Dr Somebody'],
      ['by-nothing', undefined, 'none', undefined],
    ]);
  });

  it('names a patient author only when it is the subject', () => {
    const rows = map([
      plan('self', { author: { reference: 'Patient/p1' }, created: '2026-02-01' }),
      plan('other', { author: { reference: 'Patient/p2', display: 'Someone Else' }, created: '2026-01-01' }),
    ]);
    expect(rows.map((r) => r.author)).to.deep.equal(['The patient', 'A patient not confirmed as this patient (details not shown)']);
  });

  it('gives rows without an id, or with a repeated id, unique keys, newest first', () => {
    const rows = map([{ ...plan('x'), id: undefined } as unknown as Resource, plan('dup', { created: '2026-01-01' }), plan('dup', { created: '2025-01-01' })]);
    expect(rows.map((r) => r.key)).to.deep.equal(['CarePlan/dup', 'CarePlan/dup~2', 'CarePlan/#0']);
  });

  it('never throws on malformed input', () => {
    const messy = [
      null,
      7,
      plan('a', { title: 5, category: 'x', period: [], author: 'x', activity: 'x', addresses: 3, note: 'x', meta: 'x' }),
      plan('b', { activity: [null, 'x', { detail: 'x' }, { detail: { code: 'x', status: 3, scheduledTiming: 'x', performer: 'x', doNotPerform: 'yes' } }, { reference: 'x', outcomeCodeableConcept: 'x' }] }),
      plan('c', { activity: [{ detail: { scheduledTiming: { repeat: { frequency: 'x', period: -1, periodUnit: 'd' }, event: 'x' } } }], contained: 5 }),
      plan('d', { status: ['active'], intent: 3, subject: 'x', author: { reference: '#missing' } }),
    ] as unknown as Resource[];
    let rows: CarePlanRow[] = [];
    expect(() => (rows = map(messy))).to.not.throw();
    expect(rows).to.have.length(4);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('a')).to.include({ title: undefined, author: undefined, start: undefined });
    expect(byId.get('a')!.activities).to.deep.equal([]);
    expect(byId.get('b')!.activities.map((a) => [a.text, a.statusLabel, a.doNotPerform])).to.deep.equal([
      [undefined, 'Status not recorded', false],
      [undefined, 'Status not recorded', false],
      [undefined, 'Status not recorded', false],
    ]);
    expect(byId.get('c')!.activities[0]!.schedule).to.equal(undefined);
    expect(byId.get('d')).to.include({ status: 'unknown', intentLabel: undefined, author: undefined });
  });

  it('keeps rows whose resolver throws, with an unknown source', () => {
    const throwing = {
      resolve: () => {
        throw new Error('resolver failed');
      },
      provenanceFor: () => [],
    };
    const rows = mapCarePlans({
      matches: [plan('a', { author: { reference: 'Organization/sc1', display: 'Social care' }, activity: [{ reference: { reference: 'X/1' } }] })],
      index: throwing,
      now: NOW,
    });
    expect(rows[0]!.source.via).to.equal('none');
    expect(rows[0]!.author).to.equal('Social care');
    expect(rows[0]!.activities[0]!.text).to.equal('Linked request (details not recorded)');
  });
});
