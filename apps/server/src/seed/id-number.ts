import type { Gender } from './names';
import type { Rng } from './prng';

/** Shanghai district codes (incl. 卢湾 and 闸北, which issued numbers before they merged). */
export const SHANGHAI_REGIONS = [
  '310101',
  '310103',
  '310104',
  '310105',
  '310106',
  '310107',
  '310108',
  '310109',
  '310110',
  '310112',
  '310113',
  '310114',
  '310115',
  '310116',
  '310117',
  '310118',
  '310120',
  '310151',
] as const;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits, got ${first17}`);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11] as string;
}

/**
 * An 18-character resident ID: region, birth date (YYYY-MM-DD), a 3-digit sequence whose last digit is
 * odd for men and even for women, and the check character.
 */
export function makeIdNumber(region: string, birthDate: string, sequence: number, gender: Gender): string {
  const ymd = birthDate.replace(/-/g, '');
  if (!/^\d{6}$/.test(region) || !/^\d{8}$/.test(ymd))
    throw new Error(`bad region or date: ${region} ${birthDate}`);
  // Force the parity of the last sequence digit to match the gender.
  const base = Math.floor(Math.abs(sequence) % 100) * 10;
  const parityDigit = gender === '男' ? 1 : 0;
  const seq = String(base + parityDigit + 2 * (Math.abs(sequence) % 5)).padStart(3, '0');
  const first17 = `${region}${ymd}${seq}`;
  return first17 + idCheckDigit(first17);
}

/** A calendar-valid birth date between two years, inclusive: "YYYY-MM-DD". */
export function randomBirthDate(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = rng.int(1, days);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function randomIdNumber(rng: Rng, birthDate: string, gender: Gender): string {
  return makeIdNumber(rng.pick(SHANGHAI_REGIONS), birthDate, rng.int(0, 999), gender);
}
