import { DEFAULT_ROLES, type Permission } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { homeRoleOf } from './homeRole';

const canOf = (code: string) => {
  const role = DEFAULT_ROLES.find((r) => r.code === code);
  if (!role) throw new Error(code);
  const held = new Set<Permission>(role.permissions);
  return (p: Permission) => held.has(p);
};

describe('homeRoleOf (the default roles)', () => {
  it.each([
    ['admin', 'manager'],
    ['project_manager', 'manager'],
    ['cs_supervisor', 'manager'],
    ['cs_lead', 'lead'],
    ['agent', 'agent'],
    ['technician', 'technician'],
    ['security', 'technician'],
    ['cleaner', 'technician'],
    ['qa', 'general'],
    ['expert', 'general'],
    ['finance', 'general'],
    ['eng_supervisor', 'general'],
  ])('%s lands on the %s home', (code, home) => {
    expect(homeRoleOf(canOf(code))).toBe(home);
  });
});
