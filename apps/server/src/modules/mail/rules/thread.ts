/** `<a@x> <b@y>` (or a mailparser array) → ['a@x', 'b@y'], without brackets, duplicates dropped. */
export function parseMessageIds(header: string | readonly string[] | null | undefined): string[] {
  if (!header) return [];
  const text = typeof header === 'string' ? header : header.join(' ');
  const ids = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] as string);
  // A bare id without brackets (some clients) counts too when nothing else was found.
  const found = ids.length ? ids : text.split(/\s+/).filter((s) => s.includes('@'));
  return [...new Set(found)];
}

/**
 * The ids to look the thread up by, nearest first: the message answered (In-Reply-To), then the
 * References from the newest back to the thread's start.
 */
export function threadCandidates(inReplyTo: readonly string[], references: readonly string[]): string[] {
  return [...new Set([...inReplyTo, ...[...references].reverse()])];
}

/**
 * The ticket a message continues: the first candidate id we know (nearest message wins), else the
 * ticket named by a [number] in the subject, else none (a new ticket).
 */
export function resolveThread(
  candidates: readonly string[],
  known: ReadonlyMap<string, number>,
  subjectTicketId: number | null,
): number | null {
  for (const id of candidates) {
    const ticketId = known.get(id);
    if (ticketId !== undefined) return ticketId;
  }
  return subjectTicketId;
}

/**
 * Threading headers of a reply to `parent`: In-Reply-To is the parent, References is the parent's
 * chain plus the parent (RFC 5322 §3.6.4), capped so a long thread's header stays short.
 */
export function replyHeaders(parent: { messageId: string; references: readonly string[] }, max = 20) {
  const chain = [...parent.references.filter((r) => r !== parent.messageId), parent.messageId];
  // Keep the thread's root and the newest ids, as mail clients do when they trim.
  const trimmed = chain.length > max ? [chain[0] as string, ...chain.slice(chain.length - max + 1)] : chain;
  return { inReplyTo: parent.messageId, references: trimmed };
}

export const bracket = (id: string) => `<${id}>`;
