import { bigint, customType, integer, timestamp } from 'drizzle-orm/pg-core';
import { readTimeZone } from '../clock/time-zone';

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
/**
 * A time zone column (text). Every read goes through readTimeZone, so a bad stored value falls back to
 * the default in one place instead of in each of the dozen readers of projects.timezone.
 */
export const timeZone = (name: string, label: string) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    fromDriver: (value) => readTimeZone(value, label),
  })(name);
