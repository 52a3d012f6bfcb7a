import { bigint, integer, timestamp } from 'drizzle-orm/pg-core';

/** Shared column helpers: every mutable row carries a version for optimistic locking. */
export const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
export const version = () => integer('version').notNull().default(1);
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const ref = (name: string) => bigint(name, { mode: 'number' });
/** A point in time (timestamptz), read as a Date. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
