/**
 * A company without an uploaded logo still has one at the top of its portal: its short name in a
 * coloured square, as an SVG (no fonts or files to ship; the browser draws the characters).
 */

const SUFFIXES = [
  '物业服务有限公司',
  '物业管理有限公司',
  '物业服务股份有限公司',
  '物业管理股份有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '物业服务',
  '物业管理',
  '物业',
  '集团',
];
const COLORS = ['#1677ff', '#13a8a8', '#389e0d', '#d46b08', '#c41d7f', '#531dab', '#0958d9', '#08979c'];

/** "安居物业服务有限公司" → "安居"; Latin names give their initials ("Sunny Homes Ltd" → "SH"). */
export function logoText(name: string): string {
  let short = name.trim();
  for (const s of SUFFIXES)
    if (short.endsWith(s) && short.length > s.length) short = short.slice(0, -s.length);
  if (/^[\x20-\x7e]+$/.test(short)) {
    const initials = short
      .split(/\s+/)
      .filter((w) => w && !/^(ltd|inc|co|llc|limited|company)\.?$/i.test(w))
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('');
    return initials.slice(0, 3) || '?';
  }
  return [...short].slice(0, 2).join('') || '?';
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** The SVG text logo of a name; the colour follows from the name, so it is the same on every visit. */
export function textLogoSvg(name: string): string {
  const text = logoText(name);
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const color = COLORS[hash % COLORS.length];
  const size = [...text].length > 2 ? 26 : 30;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" rx="20" fill="${color}"/>` +
    `<text x="48" y="50" font-family="PingFang SC,Microsoft YaHei,Noto Sans CJK SC,sans-serif" font-size="${size}" ` +
    `font-weight="700" fill="#fff" text-anchor="middle" dominant-baseline="middle">${escapeXml(text)}</text></svg>`
  );
}

export const textLogoDataUrl = (name: string) =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(textLogoSvg(name))}`;
