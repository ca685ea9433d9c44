import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { RecordIndex } from '../../src/model/record-index.js';
import { mapResults } from '../../src/elements/results/results.model.js';

/**
 * Hazard H-11 / H-06: a code sent by the HIE is looked up in the library's own tables of words. A code
 * named like an Object property (`__proto__`, `constructor`, `toString`) must be treated as unknown,
 * never turned into "[object Object]", function source or a wrong interpretation.
 */

const NOW = new Date('2026-11-27T14:00:00Z');
const BAD = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function observation(code: string): Resource {
  return {
    resourceType: 'Observation',
    id: `o-${code.replace(/_/g, '')}`,
    status: 'final',
    subject: { reference: 'Patient/p' },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] }],
    code: { text: 'Potassium' },
    effectiveDateTime: '2026-11-20T10:00:00Z',
    valueQuantity: { value: 4.2, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code }] }],
  } as unknown as Resource;
}

describe('codes named like Object properties', () => {
  for (const code of BAD) {
    it(`results: a category or interpretation code "${code}" is shown as unknown, never as an Object property`, () => {
      const matches = [observation(code)];
      const rows = mapResults({ matches, index: new RecordIndex(matches), now: NOW, notices: [] });
      const shown = JSON.stringify(rows, (_k, v) => (typeof v === 'function' ? `function ${String(v).slice(0, 30)}` : v));
      expect(rows.length).to.equal(1);
      expect(shown).not.to.contain('[object Object]');
      expect(shown).not.to.contain('function');
      expect(shown).not.to.contain('native code');
    });
  }
});
