/** Ticket numbers as numbering.ts makes them: prefix, project code, local day, counter (BX-JXHY-20261122-0007). */
const NUMBER = /\[([A-Z]{2,6}-[A-Z0-9]+-\d{8}-\d{4,})\]/;
const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|sv|答复|回复|转发)\s*(\[\d+\])?\s*[:：]\s*)+/i;

/** The ticket number a subject carries in brackets, as our replies put it there; null otherwise. */
export function ticketNumberIn(subject: string): string | null {
  return NUMBER.exec(subject)?.[1] ?? null;
}

/** The subject without any stack of Re:/Fwd:/回复： prefixes. */
export function stripReplyPrefixes(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').trim();
}

/**
 * Our reply's subject: one `Re:` and the ticket number once, so the resident's answer comes back
 * with it even from a mail client that drops In-Reply-To.
 */
export function replySubject(original: string, ticketNumber: string): string {
  const base = stripReplyPrefixes(original).replace(NUMBER, '').replace(/\s+/g, ' ').trim();
  return `Re: ${base ? `${base} ` : ''}[${ticketNumber}]`;
}

/** A ticket title from a subject: what is left after prefixes and our number, or the body's start. */
export function titleFrom(subject: string, body: string, max = 60): string {
  const base = stripReplyPrefixes(subject).replace(NUMBER, '').trim();
  const text = base || body.replace(/\s+/g, ' ').trim() || '(无主题邮件)';
  return [...text].slice(0, max).join('');
}
