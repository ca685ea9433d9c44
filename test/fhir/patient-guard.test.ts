import { expect } from '@open-wc/testing';
import type { Appointment, Immunization, MedicationStatement, Observation, Resource } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from '../../src/fhir/hie-contract.js';
import { patientGuard, patientReferencesOf, referencesPatient } from '../../src/fhir/patient-guard.js';
import { describe, it } from './support/mocha.js';

const BASE = 'https://hie.example/fhir';
const NHS = '9990000018';

function statementFor(subject: MedicationStatement['subject'] | undefined): MedicationStatement {
  return { resourceType: 'MedicationStatement', id: 'm1', status: 'active', subject: subject! };
}

describe('referencesPatient', () => {
  it('matches a relative reference, with or without a version', () => {
    expect(referencesPatient(statementFor({ reference: 'Patient/p1' }), 'Patient/p1')).to.equal(true);
    expect(referencesPatient(statementFor({ reference: 'Patient/p1/_history/3' }), 'Patient/p1')).to.equal(true);
  });

  it('matches an absolute reference on the base URL only', () => {
    const onBase = statementFor({ reference: `${BASE}/Patient/p1` });
    expect(referencesPatient(onBase, 'Patient/p1', BASE)).to.equal(true);
    expect(referencesPatient(onBase, 'Patient/p1', `${BASE}/`)).to.equal(true);
    expect(referencesPatient(onBase, `${BASE}/Patient/p1`, BASE)).to.equal(true);
    expect(referencesPatient(onBase, 'Patient/p1')).to.equal(false);
    const elsewhere = statementFor({ reference: 'https://other.example/fhir/Patient/p1' });
    expect(referencesPatient(elsewhere, 'Patient/p1', BASE)).to.equal(false);
  });

  it('refuses another patient', () => {
    expect(referencesPatient(statementFor({ reference: 'Patient/p2' }), 'Patient/p1', BASE)).to.equal(false);
    expect(referencesPatient(statementFor({ reference: 'Patient/p10' }), 'Patient/p1', BASE)).to.equal(false);
  });

  it('matches a logical reference by NHS number only when the number is given and equal', () => {
    const byNhs = statementFor({ identifier: { system: NHS_NUMBER_SYSTEM, value: '999 000 0018' } });
    expect(referencesPatient(byNhs, 'Patient/p1', BASE, NHS)).to.equal(true);
    expect(referencesPatient(byNhs, 'Patient/p1', BASE, '9990000026')).to.equal(false);
    expect(referencesPatient(byNhs, 'Patient/p1', BASE)).to.equal(false);
    const otherSystem = statementFor({ identifier: { system: 'https://example.org/mrn', value: NHS } });
    expect(referencesPatient(otherSystem, 'Patient/p1', BASE, NHS)).to.equal(false);
    const invalidNumber = statementFor({ identifier: { system: NHS_NUMBER_SYSTEM, value: '' } });
    expect(referencesPatient(invalidNumber, 'Patient/p1', BASE, '')).to.equal(false);
  });

  it('refuses a reference whose id matches but whose NHS number contradicts it', () => {
    const conflicting = statementFor({
      reference: 'Patient/p1',
      identifier: { system: NHS_NUMBER_SYSTEM, value: '9990000026' },
    });
    expect(referencesPatient(conflicting, 'Patient/p1', BASE, NHS)).to.equal(false);
    expect(referencesPatient(conflicting, 'Patient/p1', BASE)).to.equal(true);
  });

  it('is false when the subject is missing, display-only, unresolvable or not a Patient', () => {
    expect(referencesPatient(statementFor(undefined), 'Patient/p1', BASE)).to.equal(false);
    expect(referencesPatient(statementFor({ display: 'Richard Smith' }), 'Patient/p1', BASE)).to.equal(false);
    expect(referencesPatient(statementFor({ reference: 'urn:uuid:9a3f9f21' }), 'Patient/p1', BASE)).to.equal(false);
    expect(referencesPatient(statementFor({ reference: '#pat' }), 'Patient/p1', BASE)).to.equal(false);
    expect(referencesPatient(statementFor({ reference: 'Group/p1' }), 'Patient/p1', BASE)).to.equal(false);
    expect(referencesPatient(statementFor({ reference: 'Patient/p1', type: 'Group' }), 'Patient/p1', BASE)).to.equal(false);
    expect(referencesPatient({ resourceType: 'Medication', id: 'x' }, 'Patient/p1', BASE)).to.equal(false);
  });

  it('is false for a patientRef that is not a Patient reference', () => {
    expect(referencesPatient(statementFor({ reference: 'Group/g1' }), 'Group/g1', BASE)).to.equal(false);
    expect(referencesPatient(statementFor({ reference: 'Patient/p1' }), 'p1', BASE)).to.equal(false);
  });

  it('checks `patient` fields (Immunization, AllergyIntolerance)', () => {
    const immunization = { resourceType: 'Immunization', patient: { reference: 'Patient/p1' } } as Immunization;
    expect(referencesPatient(immunization, 'Patient/p1')).to.equal(true);
    expect(referencesPatient(immunization, 'Patient/p2')).to.equal(false);
  });

  it('matches a Patient resource by its own id', () => {
    expect(referencesPatient({ resourceType: 'Patient', id: 'p1' }, 'Patient/p1')).to.equal(true);
    expect(referencesPatient({ resourceType: 'Patient', id: 'p2' }, 'Patient/p1')).to.equal(false);
    expect(referencesPatient({ resourceType: 'Patient' }, 'Patient/undefined')).to.equal(false);
  });

  it('requires every patient participant of an Appointment to be the current patient', () => {
    const appointment = (...actors: object[]): Appointment =>
      ({
        resourceType: 'Appointment',
        status: 'booked',
        participant: [
          ...actors.map((actor) => ({ actor, status: 'accepted' })),
          { actor: { reference: 'Practitioner/dr1' }, status: 'accepted' },
          { status: 'accepted' },
        ],
      }) as Appointment;
    expect(referencesPatient(appointment({ reference: 'Patient/p1' }), 'Patient/p1')).to.equal(true);
    expect(referencesPatient(appointment({ reference: 'Patient/p2' }), 'Patient/p1')).to.equal(false);
    expect(referencesPatient(appointment({ reference: 'Patient/p1' }, { reference: 'Patient/p2' }), 'Patient/p1')).to.equal(false);
    expect(referencesPatient(appointment(), 'Patient/p1')).to.equal(false);
  });
});

describe('patientReferencesOf', () => {
  it('collects subject (whatever it points to) and patient', () => {
    const observation = { resourceType: 'Observation', subject: { reference: 'Group/g' } } as Observation;
    expect(patientReferencesOf(observation)).to.deep.equal([{ reference: 'Group/g' }]);
    const careTeam = { resourceType: 'CareTeam', subject: { reference: 'Patient/p1' } } as Resource;
    expect(patientReferencesOf(careTeam)).to.deep.equal([{ reference: 'Patient/p1' }]);
  });

  it('collects only Patient actors of an Appointment, recognised by reference, type or NHS number', () => {
    const appointment = {
      resourceType: 'Appointment',
      status: 'booked',
      participant: [
        { actor: { reference: 'Patient/p1' }, status: 'accepted' },
        { actor: { type: 'Patient', display: 'Jo' }, status: 'accepted' },
        { actor: { identifier: { system: NHS_NUMBER_SYSTEM, value: NHS } }, status: 'accepted' },
        { actor: { reference: `${BASE}/Patient/p1/_history/2` }, status: 'accepted' },
        { actor: { reference: 'Practitioner/d1' }, status: 'accepted' },
        { actor: { display: 'Phone call' }, status: 'accepted' },
        null,
      ],
    } as unknown as Appointment;
    expect(patientReferencesOf(appointment)).to.have.length(4);
  });

  it('never throws on garbage', () => {
    expect(patientReferencesOf(null as unknown as Resource)).to.deep.equal([]);
    const odd = { resourceType: 'Appointment', participant: 'x', subject: 'Patient/p1' } as unknown as Resource;
    expect(patientReferencesOf(odd)).to.deep.equal([]);
  });
});

describe('patient guard on the UK Core example corpus', () => {
  const richard = 'Patient/UKCore-Patient-RichardSmith-Example';

  async function corpus(prefix: string): Promise<Array<{ file: string; resource: Resource }>> {
    const index = (await (await fetch('/__fhir-examples/index.json')).json()) as { files: string[] };
    const files = index.files.filter((file) => file.startsWith(prefix));
    return Promise.all(
      files.map(async (file) => ({ file, resource: (await (await fetch(`/__fhir-examples/${file}`)).json()) as Resource })),
    );
  }

  it("accepts exactly the clinical examples that reference Richard Smith by Patient id", async () => {
    const examples = await corpus('uk-core/');
    const clinical = examples.filter(({ resource }) => patientReferencesOf(resource).length > 0);
    expect(clinical.length).to.be.greaterThan(60);
    for (const { file, resource } of clinical) {
      const refs = patientReferencesOf(resource).map((ref) => ref.reference);
      const expected = refs.every((ref) => ref === richard);
      expect(referencesPatient(resource, richard, BASE, '9912003888'), file).to.equal(expected);
    }
    const refused = clinical.filter(({ resource }) => !referencesPatient(resource, richard, BASE));
    expect(refused.map(({ file }) => file.split('/').pop())).to.include.members([
      'Extension-UKCore-MedicationChangeSummary-Example.json',
      'UKCore-Observation-Lab-Albumin-Example.json',
      'Extension-UKCore-ParentPresent-Example.json',
    ]);
  });

  it('refuses the example whose NHS number identifier contradicts the patient being shown', async () => {
    const [example] = await corpus('uk-core/Immunization/UKCore-Immunization-Sn-PatientConformVaccination');
    expect(referencesPatient(example!.resource, richard, BASE, '9912003888')).to.equal(true);
    expect(referencesPatient(example!.resource, richard, BASE, '9990000018')).to.equal(false);
  });
});

describe('patientGuard', () => {
  it('built once for a patient, accepts only items that name that patient and no other', () => {
    const items: Resource[] = [
      statementFor({ reference: 'Patient/p1' }),
      statementFor({ reference: `${BASE}/Patient/p1/_history/2` }),
      statementFor({ reference: 'Patient/p2' }),
      statementFor({ reference: 'Patient/p1', identifier: { system: NHS_NUMBER_SYSTEM, value: NHS } }),
      statementFor({ reference: 'Patient/p1', identifier: { system: NHS_NUMBER_SYSTEM, value: '9990000026' } }),
      statementFor({ identifier: { system: NHS_NUMBER_SYSTEM, value: NHS } }),
      statementFor({ reference: 'urn:uuid:1' }),
      statementFor(undefined),
      { resourceType: 'Patient', id: 'p1' },
      { resourceType: 'Patient', id: 'p2' },
    ];
    const T = true;
    const F = false;
    for (const [patient, base, nhs, expected] of [
      // Base-absolute references and the NHS number are checked when the widget has them.
      ['Patient/p1', `${BASE}/`, ` ${NHS.slice(0, 3)} ${NHS.slice(3, 6)} ${NHS.slice(6)} `, [T, T, F, T, F, T, F, F, T, F]],
      [`${BASE}/Patient/p1`, BASE, NHS, [T, T, F, T, F, T, F, F, T, F]],
      // Without them an absolute URL or an NHS number alone cannot be checked, so it is refused.
      ['Patient/p1', undefined, undefined, [T, F, F, T, T, F, F, F, T, F]],
      ['Practitioner/p1', BASE, undefined, [F, F, F, F, F, F, F, F, F, F]],
    ] as const) {
      const guard = patientGuard(patient, base, nhs);
      expect(items.map((item) => guard(item)), `${patient} ${base} ${nhs}`).to.deep.equal(expected);
      // Each reference text is read once per guard; asking again (in any order) gives the same answers.
      expect([...items].reverse().map((item) => guard(item))).to.deep.equal([...expected].reverse());
      expect(items.map((item) => referencesPatient(item, patient, base, nhs))).to.deep.equal(expected);
    }
  });
});

