/** 分 as the Chinese money format: ¥1,234.50 (negative: -¥12.00). */
export function yuan(fen: number): string {
  const text = (Math.abs(fen) / 100).toLocaleString('zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${fen < 0 ? '-' : ''}¥${text}`;
}
