/** Removes the spaces people type or paste into an NHS number (`999 000 0018` → `9990000018`). */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/\s/g, '');
}

/**
 * True when `value` is 10 digits (spaces allowed) whose tenth digit is the Modulus 11 check digit
 * of the first nine. A computed check digit of 10 is never issued, so such numbers are invalid.
 */
export function isValidNhsNumber(value: string): boolean {
  if (typeof value !== 'string') return false;
  const digits = normaliseNhsNumber(value);
  if (!/^[0-9]{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
