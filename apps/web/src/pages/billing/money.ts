import { formatFen } from '@guanjia/shared';

/** Money as the console shows it: ¥1,234.50 from integer 分. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : formatFen(fen);

/** Unit prices are stored in 0.01 分 (1/10,000 元): 23500 → 2.35. */
export const priceToYuan = (price: number | null | undefined) =>
  price === null || price === undefined ? null : price / 10_000;
export const yuanToPrice = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 10_000);
export const yuanToFen = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 100);

/** "18 3.45\n25 4.83\n5.83" ⇄ tiers. */
export function parseTiers(text: string): { upTo: number | null; unitPrice: number }[] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return null;
  const tiers = lines.map((line) => {
    const parts = line.split(/[\s,，]+/).map(Number);
    const [a, b] = parts;
    return parts.length >= 2
      ? { upTo: a ?? null, unitPrice: Math.round((b ?? 0) * 10_000) }
      : { upTo: null, unitPrice: Math.round((a ?? 0) * 10_000) };
  });
  return tiers.some((t) => Number.isNaN(t.unitPrice) || (t.upTo !== null && Number.isNaN(t.upTo)))
    ? null
    : tiers;
}

export const tiersText = (tiers: { upTo: number | null; unitPrice: number }[] | null) =>
  (tiers ?? [])
    .map((t) => (t.upTo === null ? `${t.unitPrice / 10_000}` : `${t.upTo} ${t.unitPrice / 10_000}`))
    .join('\n');
