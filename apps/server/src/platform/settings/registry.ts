import { z } from 'zod';
import { timeZoneSchema } from '../clock/time-zone';

export interface SettingDefinition<T> {
  key: string;
  schema: z.ZodType<T>;
  /** The product default: the seed value, cited by its Q-id where the seeds give one. */
  defaultValue: T;
  qid?: string;
  description: string;
  /**
   * A job enqueued (payload { companyId, projectId }) in the transaction that changes or resets the value,
   * for settings whose change must reach rows already written (running SLA clocks).
   */
  onChangeJob?: string;
}

const definitions = new Map<string, SettingDefinition<unknown>>();

/** Modules declare their settings at import time; the settings API lists and validates against these. */
export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  if (definitions.has(definition.key)) throw new Error(`setting ${definition.key} defined twice`);
  definitions.set(definition.key, definition as SettingDefinition<unknown>);
  return definition;
}

export const settingDefinitions = (): SettingDefinition<unknown>[] => [...definitions.values()];
export const findSetting = (key: string) => definitions.get(key);

// Platform-wide settings. Business modules add their own beside their code.
export const TIMEZONE = defineSetting({
  key: 'platform.timezone',
  schema: timeZoneSchema,
  defaultValue: 'Asia/Shanghai',
  description: 'Time zone for business calendars, numbering and reports',
});

export const LOGIN_MAX_FAILURES = defineSetting({
  key: 'auth.loginMaxFailures',
  schema: z.number().int().min(3).max(50),
  defaultValue: 5,
  description: 'Failed logins before an account is locked for auth.loginLockMinutes',
});

export const LOGIN_LOCK_MINUTES = defineSetting({
  key: 'auth.loginLockMinutes',
  schema: z.number().int().min(1).max(1440),
  defaultValue: 15,
  description: 'How long an account stays locked after too many failed logins',
});

export const PHONE_ANSWER_RINGS = defineSetting({
  key: 'callcenter.answerWithinRings',
  schema: z.number().int().min(1).max(10),
  // Q01: pick up within three rings.
  defaultValue: 3,
  qid: 'Q01',
  description: 'Calls must be answered within this many rings (about 5 s each)',
});
