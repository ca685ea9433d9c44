import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { securityLabels } from '../../src/model/security-labels.js';

const CONF = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const OBS = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';

function withSecurity(security: unknown): Resource {
  return { resourceType: 'MedicationStatement', meta: { security } } as unknown as Resource;
}

describe('securityLabels', () => {
  it('labels confidentiality, sensitivity and redaction codes', () => {
    const labels = securityLabels(
      withSecurity([
        { system: CONF, code: 'R' },
        { system: CONF, code: 'V' },
        { system: ACT, code: 'PSY' },
        { system: ACT, code: 'SUD' },
        { system: ACT, code: 'HIV' },
        { system: ACT, code: 'STD' },
        { system: ACT, code: 'SEX' },
        { system: ACT, code: 'SDV' },
        { system: ACT, code: 'NOPAT' },
        { system: OBS, code: 'REDACTED' },
      ]),
    );
    expect(labels).to.deep.equal([
      'Restricted',
      'Very restricted',
      'Mental health',
      'Substance use',
      'HIV',
      'Sexual health',
      'Sexuality and reproductive health',
      'Sexual assault, abuse or domestic violence',
      'Not for disclosure to the patient',
      'Redacted',
    ]);
  });

  it('merges codes with the same meaning', () => {
    const labels = securityLabels(
      withSecurity([
        { system: ACT, code: 'PSY' },
        { system: ACT, code: 'MH' },
        { system: ACT, code: 'ETH' },
        { system: ACT, code: 'SUD' },
      ]),
    );
    expect(labels).to.deep.equal(['Mental health', 'Substance use']);
  });

  it('adds nothing for ordinary confidentiality', () => {
    expect(securityLabels(withSecurity([{ system: CONF, code: 'N' }, { system: CONF, code: 'M' }]))).to.deep.equal([]);
  });

  it('keeps unknown codes by their display, else their code', () => {
    const labels = securityLabels(
      withSecurity([
        { system: 'urn:local', code: 'X1', display: 'Local restriction' },
        { system: 'urn:local', code: 'X2' },
        { system: CONF, code: 'Q', display: 'Made up' },
      ]),
    );
    expect(labels).to.deep.equal(['Local restriction', 'X2', 'Made up']);
  });

  it('reads a code without a system only when its meaning is unambiguous', () => {
    expect(securityLabels(withSecurity([{ code: 'NOPAT' }]))).to.deep.equal(['Not for disclosure to the patient']);
  });

  it('tolerates missing and malformed meta', () => {
    expect(securityLabels(undefined)).to.deep.equal([]);
    expect(securityLabels({ resourceType: 'MedicationStatement' } as Resource)).to.deep.equal([]);
    expect(securityLabels(withSecurity('R'))).to.deep.equal([]);
    expect(securityLabels(withSecurity({ system: CONF, code: 'R' }))).to.deep.equal(['Restricted']);
    expect(securityLabels(withSecurity([null, 3, { code: 4 }]))).to.deep.equal([]);
  });
});
