import { count } from 'drizzle-orm';
import { seedStandardArticles } from '../modules/knowledge/seed-articles';
import { companies } from '../platform/auth/schema';
import { LOCKS, withAdvisoryLock } from '../platform/db/advisory-lock';
import type { Services } from '../platform/http/app-types';
import { bootstrapCompany } from './bootstrap';
import { seedDemoCallCenter } from './demo-callcenter';
import { seedDemoDesk } from './demo-desk';
import { seedDemoEstate } from './demo-estate';
import { seedDemoMail } from './demo-mail';
import { seedDemoOutages } from './demo-outages';
import { seedDemoPortal } from './demo-portal';
import { seedDemoQuality } from './demo-quality';
import { seedDemoStaffChannels } from './demo-staff-channels';
import { seedDemoTickets } from './demo-tickets';

export interface SeedResult {
  adminPassword: string;
  generatedPassword: boolean;
  summary: string;
}

/** On an empty database only: bootstrap the company and seed the demo estate. */
export async function seedIfEmpty(
  services: Services,
  options: { adminPassword?: string; demo?: boolean } = {},
): Promise<SeedResult | null> {
  const { db } = services.database;
  // Several PostgreSQL nodes starting on an empty database: only the first one seeds.
  return withAdvisoryLock(services.database, LOCKS.seed, async () => {
    const [row] = await db.select({ n: count() }).from(companies);
    if ((row?.n ?? 0) > 0) return null;
    const boot = await bootstrapCompany(db, services.clock, {
      companyName: '安居物业服务有限公司',
      // The portal link on the estates' notice boards: /portal?c=anju
      code: 'anju',
      adminPassword: options.adminPassword,
      passwordCost: services.config.passwordCost,
    });
    // The standard answers are product content, seeded with or without the demo estate.
    const articles = await seedStandardArticles(db, boot.companyId, services.clock.now());
    const summary =
      options.demo === false
        ? 'skipped'
        : `${await seedDemoEstate(services, boot)}; ${await seedDemoTickets(services, boot)}; ${await seedDemoOutages(services, boot)}; ${articles} knowledge-base articles`;
    if (options.demo !== false) {
      await seedDemoCallCenter(services, boot);
      await seedDemoDesk(services, boot);
      // After the seats: the QA demo's calls reach agents through their extensions.
      await seedDemoQuality(services, boot);
      await seedDemoPortal(services, boot);
      await seedDemoStaffChannels(services, boot);
      await seedDemoMail(services, boot);
    }
    return { adminPassword: boot.adminPassword, generatedPassword: boot.generatedPassword, summary };
  });
}
