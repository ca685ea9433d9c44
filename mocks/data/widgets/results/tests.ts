import type { CodeableConcept } from '@medplum/fhirtypes';

/**
 * Tests used in the synthetic results. Vital-sign codes, 26604007 Full blood count and 104177005
 * Blood culture are as in the UK Core examples; the UK pathology codes are plausible but unverified
 * (synthetic data). Ranges are typical UK adult (female) ranges, for display only.
 */
export interface TestDef {
  code: string;
  display: string;
  category: 'laboratory' | 'vital-signs';
  /** Shown unit and its UCUM code; absent for coded or text results. */
  unit?: string;
  ucum?: string;
  low?: number;
  high?: number;
  criticalLow?: number;
  criticalHigh?: number;
}

const lab = (code: string, display: string, rest: Omit<TestDef, 'code' | 'display' | 'category'> = {}): TestDef => ({
  code,
  display,
  category: 'laboratory',
  ...rest,
});
const vital = (code: string, display: string, unit: string, ucum: string): TestDef => ({
  code,
  display,
  category: 'vital-signs',
  unit,
  ucum,
});

export const TESTS = {
  sodium: lab('1000661000000107', 'Serum sodium level', { unit: 'mmol/L', ucum: 'mmol/L', low: 133, high: 146, criticalLow: 120, criticalHigh: 160 }),
  potassium: lab('1000651000000109', 'Serum potassium level', { unit: 'mmol/L', ucum: 'mmol/L', low: 3.5, high: 5.3, criticalLow: 2.5, criticalHigh: 6.5 }),
  creatinine: lab('1000731000000107', 'Serum creatinine level', { unit: 'µmol/L', ucum: 'umol/L', low: 45, high: 84, criticalHigh: 354 }),
  egfr: lab('1011481000000105', 'eGFR (estimated glomerular filtration rate) using creatinine CKD-EPI equation per 1.73 square metres', { unit: 'mL/min/1.73m²', ucum: 'mL/min/{1.73_m2}', low: 60 }),
  hba1c: lab('1049301000000100', 'HbA1c level (IFCC standardised)', { unit: 'mmol/mol', ucum: 'mmol/mol', low: 20, high: 41 }),
  tsh: lab('1022791000000101', 'Serum TSH (thyroid stimulating hormone) level', { unit: 'mU/L', ucum: 'm[IU]/L', low: 0.27, high: 4.2 }),
  crp: lab('1001371000000100', 'Serum C reactive protein level', { unit: 'mg/L', ucum: 'mg/L', high: 5 }),
  haemoglobin: lab('1022431000000105', 'Haemoglobin estimation', { unit: 'g/L', ucum: 'g/L', low: 115, high: 165, criticalLow: 70 }),
  whiteCells: lab('1022541000000102', 'Total white cell count', { unit: '10*9/L', ucum: '10*9/L', low: 4, high: 11 }),
  platelets: lab('1022651000000100', 'Platelet count', { unit: '10*9/L', ucum: '10*9/L', low: 150, high: 400, criticalLow: 30 }),
  troponin: lab('1048031000000100', 'Serum high sensitivity troponin T level', { unit: 'ng/L', ucum: 'ng/L', high: 14 }),
  magnesium: lab('1000621000000104', 'Serum magnesium level', { low: 0.7, high: 1 }),
  vitaminB12: lab('1000981000000103', 'Serum vitamin B12 level', { unit: 'ng/L', ucum: 'ng/L', low: 197, high: 771 }),
  bloodCulture: lab('104177005', 'Blood culture for bacteria, including anaerobic screen'),
  urineCulture: lab('117010004', 'Urine culture'),
  urineLeucocytes: lab('167582007', 'Urine leukocyte test'),
  capillaryGlucose: lab('302789003', 'Capillary blood glucose measurement', { unit: 'mmol/L', ucum: 'mmol/L', low: 4, high: 11 }),
  bloodPressure: { code: '75367002', display: 'Blood pressure', category: 'vital-signs' } as TestDef,
  systolic: vital('72313002', 'Systolic arterial pressure', 'mmHg', 'mm[Hg]'),
  diastolic: vital('1091811000000102', 'Diastolic arterial pressure', 'mmHg', 'mm[Hg]'),
  heartRate: vital('364075005', 'Heart rate', 'beats/minute', '/min'),
  respiratoryRate: vital('86290005', 'Respiratory rate', 'breaths/minute', '/min'),
  temperature: vital('276885007', 'Core body temperature', '°C', 'Cel'),
  oxygenSaturation: vital('431314004', 'Peripheral oxygen saturation', '%', '%'),
  weight: vital('27113001', 'Body weight', 'kg', 'kg'),
  bmi: vital('60621009', 'Body mass index', 'kg/m²', 'kg/m2'),
  vitalSignsPanel: { code: '46680005', display: 'Vital signs', category: 'vital-signs' } as TestDef,
} satisfies Record<string, TestDef>;

export interface PanelDef {
  code: CodeableConcept;
  category: CodeableConcept;
}

const v20074 = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const snomed = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: 'http://snomed.info/sct', code, display }],
});

export const REPORTS = {
  ureaElectrolytes: {
    code: snomed('252167001', 'Urea and electrolytes'),
    category: { coding: [{ system: v20074, code: 'CH', display: 'Chemistry' }], text: 'Clinical biochemistry' },
  },
  fullBloodCount: {
    code: snomed('26604007', 'Full blood count'),
    category: { coding: [{ system: v20074, code: 'HM', display: 'Hematology' }], text: 'Haematology' },
  },
  liverFunction: {
    code: snomed('26958001', 'Liver function tests'),
    category: { coding: [{ system: v20074, code: 'CH', display: 'Chemistry' }], text: 'Clinical biochemistry' },
  },
  bloodCulture: {
    code: snomed('104177005', 'Blood culture for bacteria, including anaerobic screen'),
    category: { coding: [{ system: v20074, code: 'MB', display: 'Microbiology' }], text: 'Microbiology' },
  },
  urineCulture: {
    code: snomed('117010004', 'Urine culture'),
    category: { coding: [{ system: v20074, code: 'MB', display: 'Microbiology' }], text: 'Microbiology' },
  },
  chestXray: {
    code: { coding: [{ system: 'http://loinc.org', code: '36643-5', display: 'XR Chest 2 Views' }], text: 'Chest X-ray' },
    category: { coding: [{ system: v20074, code: 'RAD', display: 'Radiology' }], text: 'Radiology' },
  },
  ctHead: {
    code: { coding: [{ system: 'http://loinc.org', code: '30799-1', display: 'CT Head WO contrast' }], text: 'CT head without contrast' },
    category: { coding: [{ system: v20074, code: 'RAD', display: 'Radiology' }], text: 'Radiology' },
  },
} satisfies Record<string, PanelDef>;

export type InterpretationCode = 'H' | 'L' | 'HH' | 'LL' | 'N' | 'A' | 'POS' | 'NEG';

/** The flag a laboratory would set from the test's range and critical limits. */
export function flagFor(test: TestDef, value: number): InterpretationCode | undefined {
  if (test.low === undefined && test.high === undefined) return undefined;
  if (test.criticalLow !== undefined && value <= test.criticalLow) return 'LL';
  if (test.criticalHigh !== undefined && value >= test.criticalHigh) return 'HH';
  if (test.low !== undefined && value < test.low) return 'L';
  if (test.high !== undefined && value > test.high) return 'H';
  return 'N';
}
