import type { SlaClockKind } from '@guanjia/shared';
import type { SlaTarget, SlaTargets } from '../../api/types';

export type TargetUnit = 'minutes' | 'hours' | 'businessDays';

/** One clock's row in the policy editor. */
export interface TargetRow {
  enabled: boolean;
  value?: number | null;
  unit: TargetUnit;
  calendar: 'business' | '24x7';
  appointmentOverrides?: boolean;
}

export type TargetRows = Record<SlaClockKind, TargetRow>;

export const CLOCKS: SlaClockKind[] = ['respond', 'dispatch', 'arrive', 'resolve', 'reply', 'callback'];
/** Clocks an agreed appointment can replace (Q32, Q34). */
export const APPOINTMENT_CLOCKS: SlaClockKind[] = ['arrive', 'resolve'];

export function toRows(targets: SlaTargets): TargetRows {
  const rows = {} as TargetRows;
  for (const kind of CLOCKS) {
    const target = targets[kind];
    if (!target) {
      rows[kind] = { enabled: false, value: null, unit: 'minutes', calendar: 'business' };
      continue;
    }
    const common = {
      enabled: true,
      calendar: target.calendar,
      appointmentOverrides: target.appointmentOverrides,
    };
    if (target.businessDays !== undefined)
      rows[kind] = { ...common, value: target.businessDays, unit: 'businessDays' };
    else {
      const minutes = target.minutes ?? 0;
      rows[kind] =
        minutes >= 60 && minutes % 60 === 0
          ? { ...common, value: minutes / 60, unit: 'hours' }
          : { ...common, value: minutes, unit: 'minutes' };
    }
  }
  return rows;
}

/** The API's targets: minutes or business days per enabled clock (never both). */
export function fromRows(rows: TargetRows): SlaTargets {
  const out: SlaTargets = {};
  for (const kind of CLOCKS) {
    const row = rows[kind];
    if (!row?.enabled || !row.value || row.value <= 0) continue;
    const base: SlaTarget = {
      calendar: row.unit === 'businessDays' ? 'business' : row.calendar,
      ...(APPOINTMENT_CLOCKS.includes(kind) && row.appointmentOverrides
        ? { appointmentOverrides: true }
        : {}),
    };
    out[kind] =
      row.unit === 'businessDays'
        ? { ...base, businessDays: row.value }
        : { ...base, minutes: row.unit === 'hours' ? row.value * 60 : row.value };
  }
  return out;
}
