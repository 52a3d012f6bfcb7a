import { randomBytes } from 'node:crypto';
import { DEFAULT_ROLES } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import { seedStandardSynonyms } from '../modules/knowledge/seed-synonyms';
import { seedDefaultSheets } from '../modules/quality-inspections/sheets';
import { hashPassword } from '../platform/auth/password';
import type { ScryptCost } from '../platform/auth/password-cost';
import { companies, roles, userRoles, users } from '../platform/auth/schema';
import type { Clock } from '../platform/clock/clock';
import type { Db } from '../platform/db/client';
import { recordEvent } from '../platform/events/record-event';

export interface Bootstrap {
  companyId: number;
  roleIds: Record<string, number>;
  adminId: number;
  adminPassword: string;
  /** True when the password was generated and must be shown once. */
  generatedPassword: boolean;
}

/** First start on an empty database: the company, the default roles of requirements §4 and the admin. */
export async function bootstrapCompany(
  db: Db,
  clock: Clock,
  options: { companyName: string; adminPassword?: string; code?: string; passwordCost?: ScryptCost },
): Promise<Bootstrap> {
  const adminPassword = options.adminPassword || randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(adminPassword, options.passwordCost);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [company] = await tx
      .insert(companies)
      .values({ name: options.companyName, code: options.code ?? null, createdAt: now, updatedAt: now })
      .returning();
    if (!company) throw new Error('insert returned nothing');
    // Every company needs a portal link; without a chosen code its id serves (`/portal?c=c7`).
    if (!company.code)
      await tx
        .update(companies)
        .set({ code: `c${company.id}` })
        .where(eq(companies.id, company.id));
    const roleRows = await tx
      .insert(roles)
      .values(
        DEFAULT_ROLES.map((r) => ({
          companyId: company.id,
          code: r.code,
          name: r.name,
          permissions: [...r.permissions],
          builtin: true,
        })),
      )
      .returning();
    const roleIds = Object.fromEntries(roleRows.map((r) => [r.code, r.id]));
    const [admin] = await tx
      .insert(users)
      .values({
        companyId: company.id,
        username: 'admin',
        displayName: '系统管理员',
        passwordHash,
        allProjects: true,
        department: '管理',
      })
      .returning();
    if (!admin || !roleIds.admin) throw new Error('bootstrap failed');
    await tx.insert(userRoles).values({ userId: admin.id, roleId: roleIds.admin });
    // Search vocabulary every company starts with (水管爆了 finds 爆管 / 漏水), edited in the console.
    await seedStandardSynonyms(tx, company.id, now);
    // The group's scoring sheets (requirements §6) are product content, like the standard synonyms.
    await seedDefaultSheets(tx, company.id, now);
    await recordEvent(tx, { userId: null, companyId: company.id, source: 'system' }, now, {
      action: 'company.bootstrapped',
      entityType: 'company',
      entityId: company.id,
      after: { name: options.companyName, roles: roleRows.length },
    });
    return {
      companyId: company.id,
      roleIds,
      adminId: admin.id,
      adminPassword,
      generatedPassword: !options.adminPassword,
    };
  });
}
