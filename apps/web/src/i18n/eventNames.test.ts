import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventName } from '../eventName';
import i18n, { loadLocale, loadPageStrings } from './index';

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.includes('.test.') ? [full] : [];
  });
}

/** Every action the server writes literally, plus the ones it builds from a step's name. */
const actions = [
  ...new Set(
    sources(serverSrc).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          // `action: 'a.b'`, `statusEvent(w, 'a.b'` and both branches of `action: x ? 'a.b' : 'a.c'`.
          /(?:action: |statusEvent\(w, )(?:[^\n,]*?\? '([a-z_]+\.[a-zA-Z_]+)' : )?'([a-z_]+\.[a-zA-Z_]+)'/g,
        ),
      ].flatMap((m) => [m[1], m[2]].filter((a): a is string => !!a)),
    ),
  ),
  // dial-ticket.ts writes `${entityType}.contact_dialed`.
  ...['ticket', 'resident'].map((e) => `${e}.contact_dialed`),
  ...[
    'accept',
    'arrive',
    'cancel',
    'complete',
    'dispatch',
    'grab',
    'pause',
    'resume',
    'return',
    'start',
    'transfer',
  ].map((s) => `workorder.${s}`),
  ...['newCall', 'answer', 'hangup'].map((s) => `call.${s}`),
  ...[
    'edit',
    'submit',
    'review',
    'approve',
    'publish',
    'withdraw',
    'review_rejected',
    'approve_rejected',
  ].map((s) => `notice.${s}`),
];

describe('event names', () => {
  // English is loaded on first use in the console.
  beforeAll(() => Promise.all([loadLocale('en'), loadPageStrings()]));
  it('finds the server’s actions', () => expect(actions.length).toBeGreaterThan(80));

  it.each(['zh-CN', 'en'])('names every action the server records in %s, never by its code', (lng) => {
    const t = i18n.getFixedT(lng);
    const unnamed = actions.filter((a) => {
      const id = a.replace('.', '_');
      const keys = [`timeline.actions.${id}`, `mail.actions.${id}`, `events.${id}`, `audit.actions.${id}`];
      return !keys.some((k) => i18n.exists(k, { lng })) || eventName(t, a) === a;
    });
    expect(unnamed).toEqual([]);
  });

  it('reads workorder.dispatched as 已派单, and an unknown action as a change of its thing', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(eventName(zh, 'workorder.dispatched')).toBe('已派单');
    expect(eventName(zh, 'ticket.somethingNew')).toBe('工单变更');
    expect(eventName(zh, 'gizmo.made')).toBe('记录变更');
    expect(eventName(i18n.getFixedT('en'), 'workorder.dispatched')).toBe('Dispatched');
  });
});
