import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en';
import zhCN from '../../i18n/zh-CN';
import { fromForm, toForm } from './SettingEditor';
import { kindOf } from './settingKinds';

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../server/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.includes('.test.') ? [full] : [];
  });
}

/** Every key the server passes to defineSetting, read from its source. */
const serverKeys = sources(serverSrc).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/defineSetting\(\{\s*key: '([^']+)'/g)].map((m) => m[1] as string),
);

type Defs = Record<string, { name: string; hint: string }>;
const HAN = /\p{Script=Han}/u;

describe('settings in the console', () => {
  it('finds the server’s settings', () => {
    expect(serverKeys.length).toBeGreaterThan(30);
  });

  it('every setting has a Chinese name and explanation and an English one', () => {
    const zh = zhCN.settingDefs.defs as Defs;
    const english = en.settingDefs.defs as Defs;
    const missing = serverKeys.filter((k) => {
      const id = k.replace(/\./g, '_');
      return !zh[id] || !english[id] || !HAN.test(zh[id].name) || !HAN.test(zh[id].hint);
    });
    expect(missing).toEqual([]);
  });

  it('gives every new kind of setting its own control, not the shape-guessed one', () => {
    expect(kindOf('complaints.reviewRoles', ['cs_lead'])).toEqual({ type: 'roles' });
    expect(kindOf('portal.urgentKeywords', ['漏水'])).toEqual({ type: 'tags' });
    expect(kindOf('portal.appointmentWindows', []).type).toBe('windows');
    expect(kindOf('portal.logoUrl', '').type).toBe('url');
    expect(kindOf('complaints.promisedReplyHours', 24)).toMatchObject({ type: 'number', unit: 'hours' });
  });

  it.each([
    ['sla.warnings', { fractions: [0.75], minutesBefore: [5] }],
    ['delivery.quietHours', { start: '21:00', end: '08:00' }],
    ['mail.maxMessageBytes', 10 * 1024 * 1024],
    ['scripts.standard', { greeting: ['您好。'], closing: ['再见。', '感谢来电。'] }],
    ['qa.checklist', [{ key: 'rings', label: '三声内接听', weight: 10 }]],
    ['sla.callbackHours', 48],
    ['complaints.warningRoles', ['cs_supervisor', 'project_manager']],
    ['complaints.warningThresholds', { clusterCount: 3, clusterDays: 7, risePercent: 50, riseMinCount: 3 }],
    ['incidents.plannedReminderHours', [24, 2]],
    ['portal.appointmentWindows', [{ key: 'am', label: '上午', from: '09:00', to: '12:00' }]],
    ['portal.urgentKeywords', ['漏水', '燃气']],
    ['portal.logoUrl', ''],
    ['something.new', ['a', 'b']],
  ])('%s survives the form unchanged', (key, value) => {
    const kind = kindOf(key, value);
    expect(fromForm(kind, toForm(kind, value))).toEqual(value);
  });
});
