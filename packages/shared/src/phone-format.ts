import { normalizePhone, TWO_DIGIT_AREAS } from './phone';

/**
 * A phone number as Chinese staff and residents read it: mainland mobiles in 3-4-4 groups without the
 * country code (`138 1234 5678`), landlines with the area code (`021-6888 1234`), hotlines as printed
 * (`400-123-4567`, `95588`), an extension after 转. A masked number keeps its stars in the same groups
 * (`138 **** 5678`). Anything else (a foreign number, free text) is shown as it was typed.
 */
export function formatPhone(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (!text) return '';
  const masked = /^(\+?86)?\s*(1\d{2})\s*(\*{4})\s*(\d{4})$/.exec(text);
  if (masked) return `${masked[2]} ${masked[3]} ${masked[4]}`;
  const n = normalizePhone(text);
  if (!n) return text;
  const ext = n.extension ? ` 转 ${n.extension}` : '';
  const d = n.national;
  if (n.kind === 'mobile') return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}${ext}`;
  if (n.kind === 'service') {
    if (/^(?:400|800)\d{7}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}${ext}`;
    return `${d}${ext}`;
  }
  // Landline: 0 + area (2 or 3 digits) + subscriber (7 or 8 digits, grouped 4-4 or 3-4).
  const areaLength = 1 + (TWO_DIGIT_AREAS.has(d.slice(1, 3)) ? 2 : 3);
  const area = d.slice(0, areaLength);
  const subscriber = d.slice(areaLength);
  const split = subscriber.length - 4;
  return `${area}-${subscriber.slice(0, split)} ${subscriber.slice(split)}${ext}`;
}
