import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTACT_CHANNELS, PERMISSIONS } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { KNOWN_ERROR_CODES } from '../api/errorCodes';
import { PERMISSION_GROUPS } from '../pages/staff/permissionGroups';
import { SERVICE_DYNAMIC_KEYS } from '../serviceVocab';
import en from './en';
import zhCN from './zh-CN';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const zh = flatten(zhCN as Tree);
const english = flatten(en as Tree);
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'i18n' ? [] : sources(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('console translations', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = [...zh.keys()].sort();
    const enKeys = [...english.keys()].sort();
    expect(enKeys.filter((k) => !zh.has(k))).toEqual([]);
    expect(zhKeys.filter((k) => !english.has(k))).toEqual([]);
    expect(enKeys).toEqual(zhKeys);
  });

  it('has no empty strings', () => {
    for (const [locale, map] of [
      ['zh-CN', zh],
      ['en', english],
    ] as const) {
      const empty = [...map].filter(([, v]) => !v.trim()).map(([k]) => `${locale}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...zh].filter(
      ([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(english.get(k) ?? '')),
    );
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('every literal key the console uses exists', () => {
    const missing: string[] = [];
    for (const file of sources(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) {
        const key = match[1]!;
        if (!zh.has(key)) missing.push(`${path.relative(srcDir, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('translates every permission and contact channel', () => {
    for (const p of PERMISSIONS) {
      expect(zh.has(`permission.${p}.label`), p).toBe(true);
      expect(zh.has(`permission.${p}.hint`), p).toBe(true);
    }
    for (const c of CONTACT_CHANNELS) expect(zh.has(`vocab.channel.${c}`), c).toBe(true);
  });

  it('names every key built at run time (error codes, permission groups, states, sources)', () => {
    const dynamic = [
      ...KNOWN_ERROR_CODES.map((c) => `errors.codes.${c}`),
      'errors.codes.generic',
      ...PERMISSION_GROUPS.map((g) => `roles.groups.${g.key}`),
      ...['pending', 'running', 'done', 'failed'].map((s) => `imports.states.${s}`),
      ...['default', 'company', 'project'].map((s) => `settings.sources.${s}`),
      ...['company', 'project'].map((s) => `settings.scopes.${s}`),
      ...['user', 'rule', 'job', 'api', 'channel', 'system'].map((s) => `audit.sources.${s}`),
      ...['mobile', 'landline', 'service'].map((k) => `residents.phoneKinds.${k}`),
      // The service desk's vocabularies, notification kinds and SLA badges (serviceVocab.ts).
      ...SERVICE_DYNAMIC_KEYS,
      ...['accept', 'answer', 'resolve', 'callback', 'close', 'reopen', 'cancel', 'workOrder'].map(
        (a) => `tickets.done.${a}`,
      ),
      ...['all', 'mine', 'warning', 'breached'].map((k) => `tickets.saved.${k}`),
      ...['newest', 'oldest', 'due'].map((k) => `tickets.sort.${k}`),
      ...['overall', 'speed', 'attitude'].map((k) => `callbacks.scores.${k}`),
      ...['due', 'done', 'cancelled'].map((k) => `callbacks.status.${k}`),
      ...['minutes', 'hours', 'days', 'businessDays'].map((k) => `sla.target.${k}`),
      ...['minutes', 'hours', 'businessDays'].map((k) => `slaPolicies.units.${k}`),
      ...[1, 2, 3, 4, 5].map((n) => `slaPolicies.defaults.d${n}`),
      ...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((k) => `calendars.days.${k}`),
      ...['accept', 'arrive', 'start', 'pause', 'resume', 'complete', 'return', 'grab'].map(
        (a) => `tech.done_${a}`,
      ),
      ...['dispatchTitle', 'transferTitle', 'confirm', 'confirmTransfer', 'dispatched', 'transferred'].map(
        (k) => `dispatch.${k}`,
      ),
      ...['received', 'queued', 'sent', 'logged', 'failed'].map((s) => `mail.status.${s}`),
      'mail.offeredEmail',
      'mail.offeredPortal',
      'intake.created',
      'intake.createdClosed',
    ];
    expect(dynamic.filter((k) => !zh.has(k))).toEqual([]);
  });
});
