import { count } from 'drizzle-orm';
import { seedStandardArticles } from '../modules/knowledge/seed-articles';
import { companies } from '../platform/auth/schema';
import { LOCKS, withAdvisoryLock } from '../platform/db/advisory-lock';
import type { Services } from '../platform/http/app-types';
import { bootstrapCompany } from './bootstrap';
import { seedDemoAnalytics } from './demo-analytics';
import { seedDemoAssets } from './demo-assets';
import { seedDemoBilling } from './demo-billing';
import { seedDemoBroadcasts } from './demo-broadcasts';
import { seedDemoCallCenter } from './demo-callcenter';
import { seedDemoCollection } from './demo-collection';
import { seedDemoComplaints } from './demo-complaints';
import { seedDemoContractors } from './demo-contractors';
import { seedDemoDesk } from './demo-desk';
import { seedDemoEmergencies } from './demo-emergencies';
import { seedDemoEstate } from './demo-estate';
import { seedDemoFrontdesk } from './demo-frontdesk';
import { seedDemoFrontDeskServices } from './demo-frontdesk-services';
import { seedDemoKnowledge } from './demo-kb';
import { seedDemoMail } from './demo-mail';
import { seedDemoOutages } from './demo-outages';
import { seedDemoPatrol } from './demo-patrol';
import { seedDemoPayments } from './demo-payments';
import { seedDemoPortal } from './demo-portal';
import { seedDemoPortalReport } from './demo-portal-report';
import { seedDemoQuality } from './demo-quality';
import { seedDemoQualityInspections } from './demo-quality-inspections';
import { seedDemoStaffChannels } from './demo-staff-channels';
import { seedDemoStock } from './demo-stock';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoTickets } from './demo-tickets';
import { seedDemoTriage } from './demo-triage';

/** One line per step while the demo estate is written: what, and how far (step n of total). */
export type SeedProgress = (step: { n: number; total: number; what: string }) => void;

export interface SeedResult {
  adminPassword: string;
  generatedPassword: boolean;
  summary: string;
}

/** On an empty database only: bootstrap the company and seed the demo estate. */
export async function seedIfEmpty(
  services: Services,
  options: { adminPassword?: string; demo?: boolean; onProgress?: SeedProgress } = {},
): Promise<SeedResult | null> {
  const { db } = services.database;
  // Several PostgreSQL nodes starting on an empty database: only the first one seeds.
  return withAdvisoryLock(services.database, LOCKS.seed, async () => {
    const [row] = await db.select({ n: count() }).from(companies);
    if ((row?.n ?? 0) > 0) return null;
    const demo = options.demo !== false;
    const total = demo ? 29 : 2;
    let n = 0;
    const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
      n += 1;
      options.onProgress?.({ n, total, what });
      return run();
    };
    const boot = await step('company and admin', () =>
      bootstrapCompany(db, services.clock, {
        companyName: '安居物业服务有限公司',
        // The portal link on the estates' notice boards: /portal?c=anju
        code: 'anju',
        adminPassword: options.adminPassword,
        passwordCost: services.config.passwordCost,
      }),
    );
    // The standard answers are product content, seeded with or without the demo estate.
    const articles = await step('knowledge-base articles', () =>
      seedStandardArticles(db, boot.companyId, services.clock.now()),
    );
    if (!demo)
      return {
        adminPassword: boot.adminPassword,
        generatedPassword: boot.generatedPassword,
        summary: 'skipped',
      };
    const estate = await step('estates, buildings, units and residents', () =>
      seedDemoEstate(services, boot),
    );
    const tickets = await step('service requests and work orders', () => seedDemoTickets(services, boot));
    const complaints = await step('complaints, departments and 督办', () =>
      seedDemoComplaints(services, boot),
    );
    const outages = await step('incidents and notices', () => seedDemoOutages(services, boot));
    const broadcasts = await step('message templates and planned outages', () =>
      seedDemoBroadcasts(services, boot),
    );
    await step('call center', () => seedDemoCallCenter(services, boot));
    // After the seats: the QA demo's calls reach agents through their extensions.
    await step('quality checks', () => seedDemoQuality(services, boot));
    await step('resident portal', () => seedDemoPortal(services, boot));
    await step('staff notification channels', () => seedDemoStaffChannels(services, boot));
    await step('mailboxes', () => seedDemoMail(services, boot));
    await step('knowledge-base drafts', () => seedDemoKnowledge(services, boot));
    await step('a portal report with a visit window', () => seedDemoPortalReport(services, boot));
    await step('催单 and resident notes', () => seedDemoDesk(services, boot));
    await step('equipment, maintenance plans and inspections', () => seedDemoAssets(services, boot));
    await step('patrol routes and a week of patrols', () => seedDemoPatrol(services, boot));
    await step('materials, stock movements and a stocktake', () => seedDemoStock(services, boot));
    await step('maintenance contractors', () => seedDemoContractors(services, boot));
    await step('emergencies, plans and the duty roster', () => seedDemoEmergencies(services, boot));
    await step('quality inspections, 整改单 and a campaign', () =>
      seedDemoQualityInspections(services, boot),
    );
    await step('智能分类 model and repeat issues', () => seedDemoTriage(services, boot));
    const billing = await step('fee items, meter readings and a year of bills', () =>
      seedDemoBilling(services, boot),
    );
    // After the billing seed: pays most of its bills, leaves some arrears.
    const paid = await step('payments, prepaid and refunds', () => seedDemoPayments(services, boot));
    await step('催缴 campaign, attempts and 上门收费', () => seedDemoCollection(services, boot));
    await step('front desk: visitors, parcels, item releases, keys and loans', () =>
      seedDemoFrontdesk(services, boot),
    );
    await step('zones, satisfaction surveys and visits', () => seedDemoSurveys(services, boot));
    await step('facility bookings, decoration and move-in', () => seedDemoFrontDeskServices(services, boot));
    // Last: the rollup covers every day the steps above wrote.
    await step('analytics regions and rollups', () => seedDemoAnalytics(services, boot));
    const summary = `${estate}; ${tickets}; ${complaints}; ${outages}; ${broadcasts}; ${billing}; ${paid}; ${articles} knowledge-base articles`;
    return { adminPassword: boot.adminPassword, generatedPassword: boot.generatedPassword, summary };
  });
}
