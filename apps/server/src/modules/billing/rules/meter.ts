/**
 * A meter reading is checked against the last one of the same meter: lower than the last, or a
 * consumption more than `jumpFactor` times the previous period's, is refused with its reason unless
 * the reader confirms a meter change (换表) — then the reading starts a new series from zero.
 */
export interface ReadingCheck {
  value: number;
  /** The last accepted reading of this meter, null for the first one. */
  previousValue: number | null;
  /** The consumption of the period before, null when unknown. */
  previousConsumption: number | null;
  meterChange: boolean;
  /** From the setting billing.meterJumpFactor (3 = three times the last consumption). */
  jumpFactor: number;
}

export type ReadingVerdict =
  | { ok: true; consumption: number }
  | { ok: false; reason: 'negative' | 'lower_than_last' | 'jump'; consumption: number; limit?: number };

const cents = (x: number) => Math.round(x * 100) / 100;

export function checkReading(c: ReadingCheck): ReadingVerdict {
  if (c.value < 0) return { ok: false, reason: 'negative', consumption: 0 };
  // A new meter counts from zero; the very first reading of a meter is its baseline.
  if (c.meterChange) return { ok: true, consumption: cents(c.value) };
  if (c.previousValue === null) return { ok: true, consumption: 0 };
  const consumption = cents(c.value - c.previousValue);
  if (consumption < 0) return { ok: false, reason: 'lower_than_last', consumption };
  if (c.previousConsumption !== null && c.previousConsumption > 0) {
    const limit = cents(c.previousConsumption * c.jumpFactor);
    if (consumption > limit) return { ok: false, reason: 'jump', consumption, limit };
  }
  return { ok: true, consumption };
}

/** A stored reading's consumption: from zero after a meter change, nothing for a meter's first reading. */
export function consumptionOf(r: {
  value: number;
  previousValue: number | null;
  meterChange: boolean;
}): number {
  if (r.meterChange) return cents(r.value);
  return r.previousValue === null ? 0 : cents(r.value - r.previousValue);
}
