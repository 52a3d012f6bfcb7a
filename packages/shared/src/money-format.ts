/**
 * How an amount of money reads: integer 分 in, `¥1,234.50` out. Grouping is written by hand rather
 * than taken from Intl so that the text is the same on every Node and browser build.
 */
export function formatFen(fen: number, options: { symbol?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen expects integer 分, got ${fen}`);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = options.symbol === false ? '' : '¥';
  return `${negative ? '-' : ''}${symbol}${grouped}.${cents}`;
}

/** 元 as typed by a person ("1234.5", "1,234.50") → integer 分, or null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const clean = text.replace(/[¥,\s]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(clean)) return null;
  const negative = clean.startsWith('-');
  const [whole = '0', frac = ''] = clean.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -fen : fen;
}
