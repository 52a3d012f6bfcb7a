import { PERMISSIONS } from '@guanjia/shared';
import { expect, it } from 'vitest';
import { PERMISSION_GROUPS } from './permissionGroups';

it('the roles page shows every permission exactly once', () => {
  const shown = PERMISSION_GROUPS.flatMap((g) => g.permissions);
  expect([...shown].sort()).toEqual([...PERMISSIONS].sort());
});
