/** Fields of a staff member that reach the person: the audit log keeps that they changed, not what they are. */
export const STAFF_PII_FIELDS = ['phone', 'email'] as const;

/**
 * A staff event's before/after with the phone and e-mail masked the way resident and ticket events
 * mask personal data: an old value reads '***', a new one 'changed', and null stays null so "the
 * phone was removed" can still be read. Auditors without pii.view must not read in the log what the
 * staff list masks for them.
 */
export function maskStaffPii<T extends Record<string, unknown>>(
  values: T,
  side: 'before' | 'after',
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const field of STAFF_PII_FIELDS)
    if (out[field] !== undefined && out[field] !== null) out[field] = side === 'before' ? '***' : 'changed';
  return out;
}
