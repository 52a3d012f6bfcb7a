import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from './default-roles';
import { isPermission } from './permissions';

describe('default roles', () => {
  it('have one row per code (a company is seeded with all of them under a unique index)', () => {
    const codes = DEFAULT_ROLES.map((r) => r.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it.each(DEFAULT_ROLES.map((r) => [r.code, r] as const))(
    '%s holds only known permissions, once each',
    (_, role) => {
      expect(role.permissions.filter((p) => !isPermission(p))).toEqual([]);
      expect(new Set(role.permissions).size).toBe(role.permissions.length);
    },
  );
});
