import { PERMISSIONS } from '@guanjia/shared';
import { asc, eq } from 'drizzle-orm';
import { projects } from '../modules/org/schema';
import type { AuthContext } from '../platform/auth/context';
import type { DbOrTx } from '../platform/db/client';
import type { Bootstrap } from './bootstrap';

/** The bootstrap administrator, as the demo seeds act through the real commands. */
export function seedAdmin(boot: Bootstrap, projectIds: number[]): AuthContext {
  return {
    userId: boot.adminId,
    companyId: boot.companyId,
    username: 'admin',
    displayName: '系统管理员',
    locale: 'zh-CN',
    permissions: new Set(PERMISSIONS),
    projectIds,
    allProjects: true,
    sessionId: 0,
  };
}

/** The company's first project (锦绣花园 in the demo), where most demo activity happens. */
export async function firstProject(db: DbOrTx, companyId: number) {
  const [project] = await db
    .select()
    .from(projects)
    .where(eq(projects.companyId, companyId))
    .orderBy(asc(projects.id))
    .limit(1);
  return project ?? null;
}
