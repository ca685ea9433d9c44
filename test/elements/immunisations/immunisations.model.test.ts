import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, organisation } from '../../support/fixtures.js';
import { mapImmunisations, VACCINE_NOT_RECORDED } from '../../../src/elements/immunisations/immunisations.model.js';

const immunisation = (id: string, body: Record<string, unknown> = {}): Resource =>
  ({
    resourceType: 'Immunization',
    id,
    status: 'completed',
    vaccineCode: { coding: [{ system: 'http://snomed.info/sct', code: '871751006', display: 'Hepatitis A vaccine' }] },
    patient: { reference: 'Patient/p1' },
    occurrenceDateTime: '2025-10-01',
    ...body,
  }) as unknown as Resource;

const map = (resources: Resource[], included: Resource[] = []) => mapImmunisations(modelInput(resources, included));

describe('mapImmunisations', () => {
  it('drops entered-in-error, words given and not given (with its reason, or that none was recorded)', () => {
    const rows = map([
      immunisation('given'),
      immunisation('declined', { status: 'not-done', statusReason: { text: 'Patient declined' } }),
      immunisation('no-reason', { status: 'not-done' }),
      immunisation('error', { status: 'entered-in-error' }),
    ]);
    expect(rows.map((r) => [r.id, r.statusLabel, r.given, r.notGivenReason])).to.deep.equal([
      ['declined', 'Not given', false, 'Patient declined'],
      ['given', 'Given', true, undefined],
      ['no-reason', 'Not given', false, 'reason not recorded'],
    ]);
  });

  it('sorts newest first, partial dates by their first day, undated last', () => {
    const rows = map([
      immunisation('year', { occurrenceDateTime: '2019' }),
      immunisation('month', { occurrenceDateTime: '2024-06' }),
      immunisation('day', { occurrenceDateTime: '2025-01-02' }),
      immunisation('words', { occurrenceDateTime: undefined, occurrenceString: 'In childhood' }),
    ]);
    expect(rows.map((r) => r.id)).to.deep.equal(['day', 'month', 'year', 'words']);
    expect(rows.find((r) => r.id === 'words')!.occurrence).to.deep.equal({ kind: 'words', text: 'In childhood' });
  });

  it('names performers with their function, the organisation among them, and the source from the performer', () => {
    const gp = organisation('gp', 'Riverside Medical Practice', 'gp');
    const [row] = map(
      [
        immunisation('p', {
          performer: [
            { actor: { reference: 'Organization/gp' } },
            { function: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0443', code: 'AP' }] }, actor: { reference: 'Practitioner/x', display: 'Nurse Jo Patel' } },
          ],
        }),
      ],
      [gp],
    );
    expect(row!.performers).to.deep.equal(['Administering provider: Nurse Jo Patel']);
    expect(row!.organisation).to.equal('Riverside Medical Practice');
    expect(row!.source.name).to.equal('Riverside Medical Practice');
  });

  it('reads dose numbers in positive-int and string forms, and says when a vaccine is not recorded', () => {
    const [row] = map([
      immunisation('dose', {
        vaccineCode: undefined,
        protocolApplied: [{ doseNumberString: 'Booster', seriesDosesPositiveInt: 1 }, { doseNumberPositiveInt: 2 }],
      }),
    ]);
    expect(row!.doses).to.deep.equal(['Booster of 1', 'Dose 2']);
    expect(row!.vaccine).to.equal(VACCINE_NOT_RECORDED);
  });

  it('never throws on malformed fields', () => {
    expect(() =>
      map([immunisation('bad', { performer: 'x', protocolApplied: [null, 3], occurrenceDateTime: 'not a date', site: 7, primarySource: 'yes' })]),
    ).to.not.throw();
    const [row] = map([immunisation('bad', { occurrenceDateTime: 'not a date', primarySource: 'yes' })]);
    expect(row!.primarySource).to.equal(undefined);
    expect(row!.occurrence?.kind).to.equal('words');
  });
});
