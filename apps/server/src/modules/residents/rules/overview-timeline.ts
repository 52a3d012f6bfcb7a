import type { ResidentOverview } from '@guanjia/shared/api';

type Item = ResidentOverview['timeline'][number];

/** How many lines the 360's timeline shows (the sections hold the rest). */
export const TIMELINE_LIMIT = 50;

/**
 * One timeline across every section of the 360, newest first. Each line says what it is (`kind`, the
 * console translates it) and carries data only: a ticket number and title, a call's direction, a subject.
 * A complaint is also a ticket: it appears once. Equal times keep a stable order (kind, then id).
 */
export function buildTimeline(o: Omit<ResidentOverview, 'timeline'>, limit = TIMELINE_LIMIT): Item[] {
  const items: Item[] = [];
  const seenTickets = new Set<number>();
  for (const t of [...o.tickets.items, ...o.complaints.items]) {
    if (seenTickets.has(t.id)) continue;
    seenTickets.add(t.id);
    items.push({
      kind: 'ticket',
      at: t.createdAt,
      id: t.id,
      ticketId: t.id,
      label: `${t.number} ${t.title}`,
      detail: t.status,
    });
  }
  for (const c of o.calls.items)
    items.push({
      kind: 'call',
      at: c.startedAt,
      id: c.id,
      ticketId: null,
      label: c.direction,
      detail: c.state,
    });
  for (const c of o.callbacks.items)
    items.push({
      kind: 'callback',
      at: c.completedAt ?? c.dueAt,
      id: c.id,
      ticketId: c.ticketId,
      label: `${c.ticketNumber} ${c.ticketTitle}`,
      detail: c.status,
    });
  for (const n of o.notices.items)
    items.push({
      kind: 'notice',
      at: n.sentAt ?? n.createdAt,
      id: n.id,
      ticketId: null,
      label: n.subject,
      detail: n.channel,
    });
  for (const b of o.bindings.items)
    items.push({
      kind: 'binding',
      at: b.decidedAt ?? b.createdAt,
      id: b.id,
      ticketId: null,
      label: b.unitLabel ?? '',
      detail: b.status,
    });
  for (const n of o.notes.items)
    items.push({ kind: 'note', at: n.at, id: n.id, ticketId: null, label: n.note, detail: n.actorName });
  const rank = (i: Item) => Date.parse(i.at);
  return items
    .sort((a, b) => rank(b) - rank(a) || a.kind.localeCompare(b.kind) || b.id - a.id)
    .slice(0, limit);
}
