import { normalizePhone } from '@guanjia/shared';

/** Mainland ID numbers: 18 characters with the ISO 7064 check digit, or the old 15-digit form (same rule as the server). */
export function validIdNumber(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(v)) return true;
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

export const validPhone = (raw: string): boolean => normalizePhone(raw) !== null;
