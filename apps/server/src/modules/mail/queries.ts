import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { residents, residentUnits } from '../residents/schema';
import { tickets } from '../tickets/schema';
import { mailAttachments, mailConfigs, mailMessages } from './schema';

/** address → project (and its company) for the addresses given, lower-case. */
export async function mailboxesFor(db: DbOrTx, addresses: readonly string[]) {
  if (!addresses.length) return new Map<string, { projectId: number; companyId: number }>();
  const rows = await db
    .select({
      address: mailConfigs.address,
      projectId: mailConfigs.projectId,
      companyId: mailConfigs.companyId,
    })
    .from(mailConfigs)
    .where(inArray(mailConfigs.address, [...addresses]));
  return new Map(rows.map((r) => [r.address, { projectId: r.projectId, companyId: r.companyId }]));
}

export async function mailboxOfProject(db: DbOrTx, projectId: number) {
  const [row] = await db.select().from(mailConfigs).where(eq(mailConfigs.projectId, projectId));
  return row ?? null;
}

export async function messageByMessageId(db: DbOrTx, projectId: number, messageId: string) {
  const [row] = await db
    .select({ id: mailMessages.id, ticketId: mailMessages.ticketId })
    .from(mailMessages)
    .where(and(eq(mailMessages.projectId, projectId), eq(mailMessages.messageId, messageId)));
  return row ?? null;
}

/** Message-ID → ticket for those of the candidates this project already holds. */
export async function knownThreadIds(db: DbOrTx, projectId: number, candidates: readonly string[]) {
  if (!candidates.length) return new Map<string, number>();
  const rows = await db
    .select({ messageId: mailMessages.messageId, ticketId: mailMessages.ticketId })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.projectId, projectId),
        inArray(mailMessages.messageId, [...candidates]),
        isNotNull(mailMessages.ticketId),
      ),
    );
  return new Map(rows.map((r) => [r.messageId, r.ticketId as number]));
}

export async function ticketIdByNumber(db: DbOrTx, projectId: number, number: string) {
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.projectId, projectId), eq(tickets.number, number)));
  return row?.id ?? null;
}

/** The resident whose archive carries this e-mail address (oldest record first) and one of its units. */
export async function residentByEmail(db: DbOrTx, projectId: number, address: string) {
  const [resident] = await db
    .select({ id: residents.id, name: residents.name })
    .from(residents)
    .where(and(eq(residents.projectId, projectId), sql`lower(${residents.email}) = ${address}`))
    .orderBy(asc(residents.id))
    .limit(1);
  if (!resident) return null;
  const [unit] = await db
    .select({ unitId: residentUnits.unitId })
    .from(residentUnits)
    .where(eq(residentUnits.residentId, resident.id))
    .orderBy(asc(residentUnits.unitId))
    .limit(1);
  return { ...resident, unitId: unit?.unitId ?? null };
}

/** The ticket's thread, oldest first, with its attachments' names (never their bytes). */
export async function threadOf(db: DbOrTx, ticketId: number, page: { limit: number; offset: number }) {
  const rows = await db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.ticketId, ticketId))
    .orderBy(asc(mailMessages.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mailMessages)
    .where(eq(mailMessages.ticketId, ticketId));
  const files = rows.length
    ? await db
        .select({
          id: mailAttachments.id,
          mailMessageId: mailAttachments.mailMessageId,
          filename: mailAttachments.filename,
          contentType: mailAttachments.contentType,
          size: mailAttachments.size,
        })
        .from(mailAttachments)
        .where(
          inArray(
            mailAttachments.mailMessageId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(mailAttachments.id))
    : [];
  return { rows, files, total: total?.n ?? 0 };
}
