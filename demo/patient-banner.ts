import type { MockPatient } from '../mocks/index.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** CUI date format, e.g. `14-Mar-1946`, whatever the browser locale. */
export function formatCuiDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return 'Not recorded';
  return `${String(day).padStart(2, '0')}-${MONTHS[month - 1]}-${year}`;
}

/** NHS number in 3-3-4 groups: `999 000 0018`. */
export function formatNhsNumber(nhsNumber: string): string {
  return nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3');
}

export function ageInYears(isoDate: string, today = new Date()): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
}

const GENDER_LABELS: Record<MockPatient['gender'], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not Known',
};

function field(label: string, value: string): HTMLElement {
  const item = document.createElement('div');
  item.className = 'banner-field';
  const term = document.createElement('span');
  term.className = 'banner-label';
  term.textContent = label;
  const data = document.createElement('span');
  data.className = 'banner-value';
  data.textContent = value;
  item.append(term, ' ', data);
  return item;
}

/** CUI order: name, date of birth (with age), gender, NHS number. FAMILY name in capitals. */
export function renderPatientBanner(container: HTMLElement, patient: MockPatient): void {
  const name = document.createElement('div');
  name.className = 'banner-name';
  const title = patient.name.prefix ? ` (${patient.name.prefix})` : '';
  name.textContent = `${patient.name.family.toUpperCase()}, ${patient.name.given.join(' ')}${title}`;
  container.replaceChildren(
    name,
    field('Born', `${formatCuiDate(patient.birthDate)} (${ageInYears(patient.birthDate)}y)`),
    field('Gender', GENDER_LABELS[patient.gender]),
    field('NHS No.', formatNhsNumber(patient.nhsNumber)),
  );
}
