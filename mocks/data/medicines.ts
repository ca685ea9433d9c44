import type { CodeableConcept } from '@medplum/fhirtypes';

export const DMD_SYSTEM = 'https://dmd.nhs.uk';

export interface Medicine {
  /** dm+d VMP code (a SNOMED CT concept id). */
  code: string;
  display: string;
  /** Typical UK dosage instruction. */
  dose: string;
}

/**
 * UK medicines as dm+d virtual medicinal products. Paracetamol, amlodipine and amoxicillin codes are
 * checked against published examples; the others are plausible-looking codes for synthetic data only —
 * what matters here is that the same medicine always carries the same code.
 */
export const MEDICINES = {
  paracetamol: { code: '322236009', display: 'Paracetamol 500mg tablets', dose: 'Two tablets up to four times a day when required. Maximum 8 tablets in 24 hours' },
  amlodipine: { code: '319283006', display: 'Amlodipine 5mg tablets', dose: 'One tablet once daily' },
  amoxicillin: { code: '323509004', display: 'Amoxicillin 500mg capsules', dose: 'One capsule three times a day for 5 days' },
  ramipril: { code: '408051007', display: 'Ramipril 5mg capsules', dose: 'One capsule once daily' },
  atorvastatin: { code: '320030002', display: 'Atorvastatin 40mg tablets', dose: 'One tablet at night' },
  simvastatin: { code: '320000009', display: 'Simvastatin 40mg tablets', dose: 'One tablet at night' },
  metformin: { code: '325278007', display: 'Metformin 500mg tablets', dose: 'One tablet twice a day with breakfast and evening meal' },
  omeprazole: { code: '317335000', display: 'Omeprazole 20mg gastro-resistant capsules', dose: 'One capsule once daily before breakfast' },
  salbutamol: { code: '320176004', display: 'Salbutamol 100micrograms/dose inhaler CFC free', dose: 'Two puffs up to four times a day when required for breathlessness' },
  levothyroxine: { code: '315250006', display: 'Levothyroxine sodium 50microgram tablets', dose: 'One tablet once daily in the morning, 30 minutes before food' },
  apixaban: { code: '703907009', display: 'Apixaban 5mg tablets', dose: 'One tablet twice a day' },
  bisoprolol: { code: '318590006', display: 'Bisoprolol 2.5mg tablets', dose: 'One tablet once daily in the morning' },
  cocodamol: { code: '322357006', display: 'Co-codamol 30mg/500mg tablets', dose: 'One or two tablets up to four times a day when required for pain. Maximum 8 tablets in 24 hours' },
  enoxaparin: { code: '13751111000001108', display: 'Enoxaparin sodium 40mg/0.4ml solution for injection pre-filled syringes', dose: '40mg by subcutaneous injection once daily' },
  furosemide: { code: '317972000', display: 'Furosemide 40mg tablets', dose: 'One tablet each morning' },
  prednisolone: { code: '325426005', display: 'Prednisolone 5mg tablets', dose: 'Six tablets (30mg) once daily for 5 days, then reduce by one tablet every 3 days' },
  aspirinDispersible: { code: '319773006', display: 'Aspirin 300mg dispersible tablets', dose: 'One tablet chewed, single dose' },
  aspirin75: { code: '319770009', display: 'Aspirin 75mg dispersible tablets', dose: 'One tablet once daily' },
  gtnSpray: { code: '319120003', display: 'Glyceryl trinitrate 400micrograms/dose pump sublingual spray', dose: 'One or two sprays under the tongue, repeat after 5 minutes if needed' },
  donepezil: { code: '407627005', display: 'Donepezil 10mg tablets', dose: 'One tablet at night' },
  macrogol: { code: '8796311000001105', display: 'Macrogol compound oral powder sachets NPF sugar free', dose: 'One sachet in water once or twice a day' },
  nitrofurantoin: { code: '317246008', display: 'Nitrofurantoin 50mg capsules', dose: 'One capsule four times a day for 3 days' },
  sertraline: { code: '321949006', display: 'Sertraline 50mg tablets', dose: 'One tablet once daily' },
  mirtazapine: { code: '321958009', display: 'Mirtazapine 15mg tablets', dose: 'One tablet at night' },
  colecalciferol: { code: '8753111000001109', display: 'Colecalciferol 800unit capsules', dose: 'One capsule once daily' },
  lansoprazole: { code: '317305002', display: 'Lansoprazole 30mg gastro-resistant capsules', dose: 'One capsule once daily in the morning' },
  gabapentin: { code: '322815001', display: 'Gabapentin 300mg capsules', dose: 'One capsule three times a day' },
  doxycycline: { code: '324688001', display: 'Doxycycline 100mg capsules', dose: 'Two capsules on the first day, then one capsule daily for 7 days' },
  clarithromycin: { code: '324143001', display: 'Clarithromycin 500mg tablets', dose: 'One tablet twice a day for 7 days' },
  morphineSolution: { code: '322506003', display: 'Morphine sulfate 10mg/5ml oral solution', dose: '2.5ml to 5ml every 4 hours when required for pain' },
  insulinGlargine: { code: '411531001', display: 'Insulin glargine 100units/ml solution for injection 3ml pre-filled pens', dose: '18 units by subcutaneous injection at night' },
  warfarin: { code: '319735007', display: 'Warfarin 1mg tablets', dose: 'As directed by the anticoagulant clinic (see yellow book)' },
} as const satisfies Record<string, Medicine>;

export type MedicineKey = keyof typeof MEDICINES;

export function medicineConcept(medicine: Medicine): CodeableConcept {
  return { coding: [{ system: DMD_SYSTEM, code: medicine.code, display: medicine.display }], text: medicine.display };
}
