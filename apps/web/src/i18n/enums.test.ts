import {
  NOTICE_STATUSES,
  NOTICE_TYPES,
  PROJECT_KINDS,
  RESIDENT_RELATIONS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  UNIT_STATUSES,
  UNIT_TYPES,
  WORK_ORDER_STATUSES,
} from '@guanjia/shared';
import {
  EMERGENCY_GROUPS,
  EMERGENCY_LEVELS,
  EMERGENCY_STATUSES,
  EMERGENCY_TYPES,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
} from '@guanjia/shared/api';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { loadLocale, loadPageStrings } from './index';

const VOCABULARIES = [
  ...NOTICE_TYPES,
  ...NOTICE_STATUSES,
  ...INCIDENT_KINDS,
  ...INCIDENT_STATUSES,
  ...TICKET_TYPES,
  ...TICKET_STATUSES,
  ...TICKET_PRIORITIES,
  ...WORK_ORDER_STATUSES,
  ...UNIT_TYPES,
  ...UNIT_STATUSES,
  ...RESIDENT_RELATIONS,
  ...PROJECT_KINDS,
  ...EMERGENCY_TYPES,
  ...EMERGENCY_GROUPS,
  ...EMERGENCY_LEVELS,
  ...EMERGENCY_STATUSES,
];

describe('stored vocabulary values in English', () => {
  // English is loaded on first use in the console.
  beforeAll(() => Promise.all([loadLocale('en'), loadPageStrings()]));
  it('every notice, outage, ticket, work-order and estate value has its English word', () => {
    const en = i18n.getFixedT('en');
    const missing = VOCABULARIES.filter((v) => {
      const word = en(`enums.${v}`, { defaultValue: '' });
      return !word || /\p{Script=Han}/u.test(word);
    });
    expect(missing).toEqual([]);
  });

  it('Chinese reads the value itself', () => {
    const zh = i18n.getFixedT('zh-CN');
    for (const v of VOCABULARIES) expect(zh(`enums.${v}`)).toBe(v);
  });
});
