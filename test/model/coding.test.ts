import { expect } from '@open-wc/testing';
import type { CodeableConcept } from '@medplum/fhirtypes';
import { codeKey, conceptText, DMD_SYSTEM, normaliseSystem, SNOMED_SYSTEM } from '../../src/model/coding.js';

const broken = (value: unknown): CodeableConcept => value as CodeableConcept;

describe('normaliseSystem', () => {
  it('gives dm+d and SNOMED CT one spelling each', () => {
    expect(normaliseSystem('https://dmd.nhs.uk/')).to.equal(DMD_SYSTEM);
    expect(normaliseSystem('http://dmd.nhs.uk')).to.equal(DMD_SYSTEM);
    expect(normaliseSystem('https://snomed.info/sct')).to.equal(SNOMED_SYSTEM);
    expect(normaliseSystem('http://snomed.info/sct/')).to.equal(SNOMED_SYSTEM);
  });

  it('leaves other systems alone', () => {
    expect(normaliseSystem('http://loinc.org')).to.equal('http://loinc.org');
    expect(normaliseSystem(42)).to.equal(undefined);
    expect(normaliseSystem('  ')).to.equal(undefined);
  });
});

describe('conceptText', () => {
  it('prefers text, then the first display, then the code with its system', () => {
    expect(conceptText({ text: 'Little pink pill', coding: [{ display: 'Other' }] })).to.equal('Little pink pill');
    expect(conceptText({ coding: [{ code: '1' }, { display: 'Amoxicillin 250mg capsules' }] })).to.equal(
      'Amoxicillin 250mg capsules',
    );
    expect(conceptText({ coding: [{ system: 'https://dmd.nhs.uk/', code: '39732311000001104' }] })).to.equal(
      'dm+d code 39732311000001104',
    );
    expect(conceptText({ coding: [{ system: 'urn:oid:1.2.3', code: 'X1' }] })).to.equal('code (urn:oid:1.2.3) X1');
    expect(conceptText({ coding: [{ code: 'X1' }] })).to.equal('code X1');
  });

  it('returns undefined when there is nothing to read', () => {
    expect(conceptText(undefined)).to.equal(undefined);
    expect(conceptText({})).to.equal(undefined);
    expect(conceptText({ text: '   ', coding: [] })).to.equal(undefined);
  });

  it('tolerates wrong types', () => {
    expect(conceptText(broken('Paracetamol'))).to.equal(undefined);
    expect(conceptText(broken({ text: 12, coding: { display: 'Single coding' } }))).to.equal('Single coding');
    expect(conceptText(broken({ coding: [null, 'x', { display: 7 }, { display: 'Ok' }] }))).to.equal('Ok');
  });
});

describe('codeKey', () => {
  it('keys the first SNOMED CT or dm+d coding with a normalised system', () => {
    const cc: CodeableConcept = {
      coding: [
        { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1' },
        { system: 'https://dmd.nhs.uk/', code: '39732311000001104' },
        { system: 'http://snomed.info/sct', code: '27658006' },
      ],
    };
    expect(codeKey(cc)).to.equal('https://dmd.nhs.uk|39732311000001104');
  });

  it('groups the two dm+d spellings together', () => {
    expect(codeKey({ coding: [{ system: 'https://dmd.nhs.uk', code: '9' }] })).to.equal(
      codeKey({ coding: [{ system: 'https://dmd.nhs.uk/', code: '9' }] }),
    );
  });

  it('is undefined without a SNOMED CT or dm+d code', () => {
    expect(codeKey({ text: 'x', coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '5' }] })).to.equal(undefined);
    expect(codeKey({ coding: [{ system: SNOMED_SYSTEM }] })).to.equal(undefined);
    expect(codeKey(broken(null))).to.equal(undefined);
  });
});
