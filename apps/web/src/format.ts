import dayjs from 'dayjs';

/** Staff read times in the estate's zone whatever their laptop says. */
export const DISPLAY_TZ = 'Asia/Shanghai';

/** `tz`: the resident portal passes its estate's zone (projects carry one). */
export function formatDateTime(value: string | Date | null | undefined, tz = DISPLAY_TZ): string {
  if (!value) return '—';
  return dayjs(value).tz(tz).format('YYYY-MM-DD HH:mm:ss');
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).format('YYYY-MM-DD');
}

export function formatArea(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} m²`;
}

export function jsonPreview(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
