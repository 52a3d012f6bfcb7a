/**
 * Where a poll starts: after the last UID taken in, or from the beginning when the server changed the
 * mailbox's UIDVALIDITY (it renumbered; the Message-ID index keeps known mail from becoming tickets
 * twice).
 */
export function startMark(
  lastUid: number,
  validity: { stored: string | null; current: string | null },
): number {
  return validity.stored !== null && validity.current !== null && validity.stored !== validity.current
    ? 0
    : lastUid;
}

/**
 * The UID range to fetch after `mark`. IMAP answers `n:*` with the mailbox's highest message even
 * when its UID is below n (RFC 3501 §6.4.8: `*` is the largest UID in use), so callers must still
 * filter with isNewUid.
 */
export const uidRangeAfter = (mark: number) => `${mark + 1}:*`;

export const isNewUid = (uid: number, mark: number) => uid > mark;

/** The mark to store after a poll: the highest UID taken in, never below where the poll started. */
export const nextMark = (mark: number, takenUids: readonly number[]) =>
  takenUids.reduce((m, uid) => Math.max(m, uid), mark);
