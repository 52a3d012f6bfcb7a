/** SF + the project-local day + a 4-digit sequence (more digits after 9999): SF202612060001. */
export function receiptNumber(day: string, sequence: number, prefix = 'SF'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError('day must be YYYY-MM-DD');
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence starts at 1');
  return `${prefix}${day.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`;
}
