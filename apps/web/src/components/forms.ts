import dayjs, { type Dayjs } from 'dayjs';

export const toDay = (value: string | null | undefined): Dayjs | null => (value ? dayjs(value) : null);
export const fromDay = (value: Dayjs | null | undefined): string | null =>
  value ? value.format('YYYY-MM-DD') : null;

/** Empty inputs become null so PATCH clears them instead of sending "". */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values))
    out[key] = value === '' || value === undefined ? null : value;
  return out as T;
}

export const NO_DASH = /^[^-\s]+$/;
export const NO_DASH_OPTIONAL = /^[^-\s]*$/;
