import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, NOW, organisation, OVERDUE_BATCH } from '../../support/fixtures.js';
import {
  groupMedications,
  LAST_ISSUE_DATE_URL,
  mapMedications,
  MEDICINE_NOT_RECORDED,
  type MedicationRow,
} from '../../../src/elements/medications/medications.model.js';

const gp = organisation('gp', 'Riverside Surgery', 'gp', { ods: 'Y01234', feed: OVERDUE_BATCH });
const amoxicillin = {
  resourceType: 'Medication',
  id: 'amox',
  code: { coding: [{ system: 'https://dmd.nhs.uk/', code: '39732311000001104', display: 'Amoxicillin 250mg capsules' }] },
} as Resource;

function statement(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: `Medicine ${id}` },
    ...body,
  } as unknown as Resource;
}

function request(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: `Medicine ${id}` },
    ...body,
  } as unknown as Resource;
}

function map(matches: Resource[], included: Resource[] = [gp, amoxicillin]): MedicationRow[] {
  return mapMedications(modelInput(matches, included));
}

function one(resource: Resource, included?: Resource[]): MedicationRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0] as MedicationRow;
}

describe('mapMedications', () => {
  it('maps a full MedicationStatement', () => {
    const row = one(
      statement('ms1', {
        medicationReference: { reference: 'Medication/amox' },
        medicationCodeableConcept: undefined,
        informationSource: { reference: 'Organization/gp' },
        effectivePeriod: { start: '2026-10-01', end: '2026-12-01' },
        dosage: [{ text: '2 capsules 4 times a day.' }],
        extension: [{ url: LAST_ISSUE_DATE_URL, valueDateTime: '2026-11-20' }],
        meta: { lastUpdated: '2026-11-20T10:00:00Z', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
      }),
    );
    expect(row).to.deep.include({
      key: 'MedicationStatement/ms1',
      resourceType: 'MedicationStatement',
      id: 'ms1',
      status: 'active',
      statusLabel: 'Active',
      current: true,
      kind: 'statement',
      name: 'Amoxicillin 250mg capsules',
      codeKey: 'https://dmd.nhs.uk|39732311000001104',
      medicineKey: 'https://dmd.nhs.uk|39732311000001104',
      dosage: '2 capsules 4 times a day.',
      start: '2026-10-01',
      end: '2026-12-01',
      lastIssued: '2026-11-20',
      date: '2026-10-01',
      securityLabels: ['Restricted'],
    });
    expect(row.source).to.include({ name: 'Riverside Surgery', odsCode: 'Y01234', typeLabel: 'GP practice', via: 'resource' });
    expect(row.freshness).to.include({ feed: 'batch', possiblyOutOfDate: true, lastUpdated: '2026-11-20T10:00:00Z' });
  });

  it('maps a MedicationRequest with its requester\'s organisation and validity end', () => {
    const row = one(
      request('mr1', {
        authoredOn: '2026-09-01T09:30:00Z',
        requester: { reference: 'Organization/gp' },
        dispenseRequest: { validityPeriod: { start: '2026-09-01', end: '2027-03-01' } },
        dosageInstruction: [{ text: 'One tablet daily' }],
      }),
    );
    expect(row).to.deep.include({ kind: 'request', start: '2026-09-01T09:30:00Z', end: '2027-03-01', date: '2026-09-01T09:30:00Z', dosage: 'One tablet daily' });
    expect(row.source.name).to.equal('Riverside Surgery');
  });

  it('resolves a contained Medication', () => {
    const row = one(
      request('mr2', {
        contained: [{ resourceType: 'Medication', id: 'm', code: { coding: [{ system: 'http://snomed.info/sct', code: '27658006', display: 'Amoxicillin' }] } }],
        medicationCodeableConcept: undefined,
        medicationReference: { reference: '#m' },
      }),
    );
    expect(row.name).to.equal('Amoxicillin');
    expect(row.codeKey).to.equal('http://snomed.info/sct|27658006');
  });

  it('falls back to the reference display, then "Medicine not recorded"', () => {
    const byDisplay = one(statement('a', { medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/elsewhere', display: 'Prescribed medication' } }));
    expect(byDisplay.name).to.equal('Prescribed medication');
    expect(byDisplay.medicineKey).to.equal('name:prescribed medication');
    const nothing = one(statement('b', { medicationCodeableConcept: undefined, medicationReference: { reference: 'urn:uuid:811a' } }));
    expect(nothing.name).to.equal(MEDICINE_NOT_RECORDED);
    const notAMedication = one(statement('c', { medicationCodeableConcept: undefined, medicationReference: { reference: 'Organization/gp' } }));
    expect(notAMedication.name).to.equal(MEDICINE_NOT_RECORDED);
  });

  it('never groups two unrecorded medicines together', () => {
    const rows = map([statement('a', { medicationCodeableConcept: undefined }), statement('b', { medicationCodeableConcept: undefined })]);
    expect(rows[0]?.medicineKey).to.not.equal(rows[1]?.medicineKey);
    expect(groupMedications(rows)).to.have.length(2);
  });

  it('drops entered-in-error and labels every other status', () => {
    const statuses = ['active', 'on-hold', 'intended', 'draft', 'unknown', 'stopped', 'completed', 'cancelled', 'not-taken', 'revoked', 'entered-in-error'];
    const rows = map(statuses.map((status) => statement(status, { status })));
    expect(rows.map((r) => r.status)).to.deep.equal(statuses.filter((s) => s !== 'entered-in-error'));
    expect(rows.map((r) => [r.statusLabel, r.current])).to.deep.equal([
      ['Active', true],
      ['On hold', true],
      ['Intended', true],
      ['Draft', true],
      ['Status unknown', true],
      ['Stopped', false],
      ['Completed', false],
      ['Cancelled', false],
      ['Not taken', false],
      ['Revoked', false],
    ]);
  });

  it('keeps a missing or unrecognised status visible with current medicines', () => {
    const [missing, odd] = map([statement('a', { status: undefined }), statement('b', { status: 'paused' })]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Status not recorded', current: true });
    expect(odd).to.include({ status: 'paused', statusLabel: 'Status: paused', current: true });
  });

  it('labels a status named like an Object property as unrecognised, never as undefined', () => {
    for (const status of ['constructor', 'toString', '__proto__']) {
      expect(one(statement('odd', { status })).statusLabel).to.equal(`Status: ${status}`);
    }
  });

  it('dates a row by start, then last issue, then meta.lastUpdated', () => {
    const [byEffective, byIssue, byUpdate, none] = map([
      statement('a', { effectiveDateTime: '2025-03', extension: [{ url: LAST_ISSUE_DATE_URL, valueDateTime: '2026-01-01' }] }),
      statement('b', { extension: [{ url: LAST_ISSUE_DATE_URL, valueDateTime: '2026-01-01' }] }),
      statement('c', { meta: { lastUpdated: '2026-02-02T10:00:00Z' } }),
      statement('d'),
    ]);
    expect(byEffective?.date).to.equal('2025-03');
    expect(byIssue?.date).to.equal('2026-01-01');
    expect(byUpdate?.date).to.equal('2026-02-02T10:00:00Z');
    expect(none?.date).to.equal(undefined);
  });

  it('ignores dates it cannot read rather than sorting by them', () => {
    const row = one(statement('a', { effectivePeriod: { start: '0000-01-01', end: 'ongoing' }, effectiveDateTime: '2024-02-30' }));
    expect(row).to.include({ start: undefined, end: undefined, date: undefined });
  });

  it('builds a dosage from a simple dose and timing only', () => {
    const dosage = (d: unknown) => one(statement('a', { dosage: d })).dosage;
    expect(dosage([{ doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }], timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } } }])).to.equal('500 mg, 3 times a day');
    expect(dosage([{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'h' } } }])).to.equal('once an hour');
    expect(dosage([{ timing: { repeat: { frequency: 2, period: 2, periodUnit: 'wk' } } }])).to.equal('twice every 2 weeks');
    expect(dosage([{ doseAndRate: [{ doseQuantity: { value: 1, code: 'TAB' } }], asNeededBoolean: true }])).to.equal('1 TAB, when required');
    expect(dosage([{ text: 'Morning' }, { text: 'Evening' }])).to.equal('Morning; Evening');
    // A frequency sent only as timing.code (Epic, Oracle Health): an abbreviation in words, else as sent.
    expect(dosage([{ timing: { code: { text: 'BID' } } }])).to.equal('twice a day');
    expect(dosage([{ timing: { code: { text: 'With breakfast' } } }])).to.equal('With breakfast');
  });

  it('gives no dosage rather than part of one', () => {
    const dosage = (d: unknown) => one(statement('a', { dosage: d })).dosage;
    expect(dosage([{ doseAndRate: [{ doseRange: { low: { value: 1 }, high: { value: 2 } } }] }])).to.equal(undefined);
    expect(dosage([{ doseAndRate: [{ doseQuantity: { value: 1, unit: 'tab' } }], timing: { repeat: { frequency: 1, frequencyMax: 2, period: 1, periodUnit: 'd' } } }])).to.equal(undefined);
    expect(dosage([{ text: 'Morning' }, { route: { text: 'oral' } }])).to.equal(undefined);
    expect(dosage(undefined)).to.equal(undefined);
  });

  it('gives rows without an id, or with a repeated id, unique keys', () => {
    const rows = map([statement('', {}), statement('dup'), statement('dup')].map((r, i) => (i === 0 ? ({ ...r, id: undefined } as unknown as Resource) : r)));
    expect(rows.map((r) => r.key)).to.deep.equal(['MedicationStatement/#0', 'MedicationStatement/dup', 'MedicationStatement/dup~2']);
    expect(rows[0]?.id).to.equal(undefined);
  });

  it('ignores resources of other types', () => {
    expect(map([gp, amoxicillin])).to.deep.equal([]);
  });

  it('never throws on malformed input', () => {
    const messy = [
      null,
      'MedicationStatement',
      statement('a', { dosage: 'twice daily', medicationCodeableConcept: 'Paracetamol', informationSource: 5, meta: null, extension: { url: LAST_ISSUE_DATE_URL, valueDateTime: 20240101 } }),
      request('b', { dosageInstruction: [null, 3], medicationReference: ['x'], medicationCodeableConcept: { coding: 'x', text: 7 }, authoredOn: 20240101, status: 5 }),
      statement('c', { effectivePeriod: 'x', contained: 'x', medicationCodeableConcept: undefined, medicationReference: { reference: '#m' } }),
    ] as unknown as Resource[];
    const rows = map(messy);
    expect(rows).to.have.length(3);
    for (const row of rows) {
      expect(row.name).to.be.a('string').and.not.equal('');
      expect(row.source.via).to.equal('none');
    }
    expect(rows[1]).to.include({ status: 'unknown', start: undefined });
  });

  it('keeps rows whose resolver throws, with an unknown source', () => {
    const throwing = {
      resolve: () => {
        throw new Error('resolver failed');
      },
      provenanceFor: () => [],
    };
    const rows = mapMedications({ matches: [statement('a', { informationSource: { reference: 'Organization/gp' } })], index: throwing, now: NOW });
    expect(rows[0]?.source.via).to.equal('none');
  });
});

describe('groupMedications', () => {
  const dmd = (code: string) => ({ coding: [{ system: 'https://dmd.nhs.uk', code, display: `dm+d ${code}` }] });

  it('groups the same medicine from several sources, newest group and row first', () => {
    const rows = map([
      statement('gp-old', { medicationCodeableConcept: dmd('1'), effectiveDateTime: '2024-01-01' }),
      request('hosp-new', { medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk/', code: '1' }] }, authoredOn: '2026-05-01' }),
      statement('other', { medicationCodeableConcept: dmd('2'), effectiveDateTime: '2025-06-01' }),
    ]);
    const groups = groupMedications(rows);
    expect(groups.map((g) => g.key)).to.deep.equal(['https://dmd.nhs.uk|1', 'https://dmd.nhs.uk|2']);
    expect(groups[0]?.rows.map((r) => r.id)).to.deep.equal(['hosp-new', 'gp-old']);
    expect(groups[0]?.name).to.equal('dm+d code 1');
  });

  it('groups uncoded medicines by name, ignoring case', () => {
    const rows = map([
      statement('a', { medicationCodeableConcept: { text: 'Paracetamol 500mg' } }),
      statement('b', { medicationCodeableConcept: { text: 'PARACETAMOL 500MG' } }),
    ]);
    expect(groupMedications(rows)).to.have.length(1);
  });

  it('orders equal and missing dates by name then key, whatever the input order', () => {
    const resources = [
      statement('z', { medicationCodeableConcept: { text: 'Zopiclone' } }),
      statement('a2', { medicationCodeableConcept: { text: 'Aspirin' }, effectiveDateTime: '2025-01-01' }),
      statement('b', { medicationCodeableConcept: { text: 'Bisoprolol' }, effectiveDateTime: '2025-01-01' }),
      statement('a1', { medicationCodeableConcept: { text: 'Aspirin' }, effectiveDateTime: '2025-01-01' }),
      statement('c', { medicationCodeableConcept: { text: 'Codeine' } }),
    ];
    const expected = ['Aspirin', 'Bisoprolol', 'Codeine', 'Zopiclone'];
    for (const order of [resources, [...resources].reverse()]) {
      const groups = groupMedications(map(order));
      expect(groups.map((g) => g.name)).to.deep.equal(expected);
      expect(groups[0]?.rows.map((r) => r.id)).to.deep.equal(['a1', 'a2']);
    }
  });

  it('returns no groups for no rows', () => {
    expect(groupMedications([])).to.deep.equal([]);
  });
});
