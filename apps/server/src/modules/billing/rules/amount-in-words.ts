/**
 * 人民币大写 for receipts: 1234.50 元 → 壹仟贰佰叁拾肆元伍角整. Follows the usual bank rules: 零 once for a
 * run of zeros inside a section, 万/亿 sections, 整 after 元 or 角 when nothing smaller follows, and
 * 负 for a reversal's negative amount.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

function section(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SMALL[pos]!;
  }
  return out;
}

function yuanWords(yuan: number): string {
  if (yuan === 0) return '';
  const parts: number[] = [];
  for (let y = yuan; y > 0; y = Math.floor(y / 10_000)) parts.push(y % 10_000);
  let out = '';
  let needZero = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p === 0) {
      if (out) needZero = true;
      continue;
    }
    if (out && (needZero || p < 1000)) out += '零';
    needZero = false;
    out += section(p) + SECTIONS[i]!;
  }
  return out;
}

/** An amount in 分 in Chinese capitals. */
export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount must be an integer number of 分');
  if (fen < 0) return `负${amountInWords(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${yuanWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) return `${out}${DIGITS[cents]}分`;
  return `${out}整`;
}
