/**
 * Chinese phone numbers in one canonical form so caller-ID lookups hit an index:
 * mobiles → +86 and 11 digits; landlines → +86, area code without the trunk 0, subscriber number.
 * An extension ("转 8001", "-8001" after a full landline, "#8001") is kept apart.
 */
export interface NormalizedPhone {
  /** E.164, e.g. +8613812345678 or +862168881234 */
  e164: string;
  /** National significant number as dialled inside China: 13812345678 or 02168881234 */
  national: string;
  kind: 'mobile' | 'landline' | 'service';
  extension?: string;
}

// Two-digit area codes (Beijing, Shanghai, Tianjin, Chongqing and the big 02x regions); the rest are three digits.
export const TWO_DIGIT_AREAS = new Set(['10', '20', '21', '22', '23', '24', '25', '27', '28', '29']);

export function normalizePhone(raw: string, options: { areaCode?: string } = {}): NormalizedPhone | null {
  const text = raw.trim();
  if (!text) return null;
  let main = text;
  let extension: string | undefined;
  const marked = /^(.*?)\s*(?:转|ext\.?|x|#)\s*(\d{1,6})$/i.exec(text);
  // "021-68881234-8001": a third dash group after a full landline is an extension.
  const dashed = /^(\+?\d{0,4}[\s-]?0?\d{2,3})[\s-](\d{7,8})-(\d{1,6})$/.exec(text);
  if (marked?.[1] && marked[2]) {
    main = marked[1];
    extension = marked[2];
  } else if (dashed?.[1] && dashed[2] && dashed[3]) {
    main = `${dashed[1]}${dashed[2]}`;
    extension = dashed[3];
  }
  let digits = main.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (/^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
  else if (digits.startsWith('+')) return null;
  if (/^1[3-9]\d{9}$/.test(digits)) {
    return withExt({ e164: `+86${digits}`, national: digits, kind: 'mobile' }, extension);
  }
  // Service numbers: 400/800 hotlines and 95xxx.
  if (/^(?:400|800)\d{7}$/.test(digits) || /^95\d{3,6}$/.test(digits)) {
    return withExt({ e164: `+86${digits}`, national: digits, kind: 'service' }, extension);
  }
  // A local number without area code takes the project's area code when one is known.
  if (/^[2-9]\d{6,7}$/.test(digits) && options.areaCode) digits = `${options.areaCode}${digits}`;
  const trunkless = digits.replace(/^0/, '');
  const areaLength = TWO_DIGIT_AREAS.has(trunkless.slice(0, 2)) ? 2 : 3;
  const area = trunkless.slice(0, areaLength);
  const subscriber = trunkless.slice(areaLength);
  if (/^[1-9]\d{1,2}$/.test(area) && /^[2-9]\d{6,7}$/.test(subscriber)) {
    return withExt({ e164: `+86${trunkless}`, national: `0${trunkless}`, kind: 'landline' }, extension);
  }
  return null;
}

function withExt(phone: NormalizedPhone, extension: string | undefined): NormalizedPhone {
  return extension ? { ...phone, extension } : phone;
}

/** 13812345678 → 138****5678; landlines keep area code and last four digits. */
export function maskPhone(value: string): string {
  const n = normalizePhone(value);
  const national = n?.national ?? value.replace(/\D/g, '');
  if (national.length < 7) return '****';
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

/** 110101199003071234 → 110101********1234 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '****';
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
