import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref } from '../../platform/db/columns';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One-time login codes for the resident portal; only a hash is kept. */
export const portalCodes = pgTable(
  'portal_codes',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    /** +86 form. */
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** Wrong guesses against this code; too many burn it. */
    failures: integer('failures').notNull().default(0),
    consumedAt: at('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('portal_codes_phone_idx').on(t.phone, t.createdAt)],
);

/** Resident sessions: separate from staff sessions, so a portal token can never reach the console API. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    phone: text('phone').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portal_sessions_token_uq').on(t.tokenHash),
    index('portal_sessions_phone_idx').on(t.phone),
  ],
);
