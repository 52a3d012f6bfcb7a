import { and, count, desc, eq } from 'drizzle-orm';
import { companies } from '../../platform/auth/schema';
import type { Services } from '../../platform/http/app-types';
import { aggregateQuestions } from './aggregate-questions';
import { markCorrections, retrainCompany } from './retrain';
import { ticketTriage, triageModels } from './schema';

export const RETRAIN_JOB = 'triage.retrain';
export const AGGREGATE_QUESTIONS_JOB = 'triage.aggregateQuestions';

/**
 * Nightly: each company's model is retrained when it has corrections the active model has not seen
 * (corrections at intake and later edits). Companies without corrections keep their model.
 */
export async function retrainAll(services: Pick<Services, 'database' | 'clock'>, now: Date): Promise<number> {
  const { db } = services.database;
  const all = await db.select({ id: companies.id }).from(companies);
  let trained = 0;
  for (const c of all) {
    await markCorrections(db, c.id, now);
    const [n] = await db
      .select({ n: count() })
      .from(ticketTriage)
      .where(and(eq(ticketTriage.companyId, c.id), eq(ticketTriage.corrected, true)));
    const [last] = await db
      .select({ seen: triageModels.correctedTickets })
      .from(triageModels)
      .where(eq(triageModels.companyId, c.id))
      .orderBy(desc(triageModels.version))
      .limit(1);
    if (!n?.n || n.n === (last?.seen ?? 0)) continue;
    await retrainCompany(services, c.id, { userId: null, companyId: c.id, source: 'job' });
    trained++;
  }
  return trained;
}

export function registerTriageJobs(services: Pick<Services, 'database' | 'clock' | 'queue'>): void {
  services.queue.register(RETRAIN_JOB, async ({ now }) => ({ trained: await retrainAll(services, now) }));
  // 02:40 Asia/Shanghai: after the day's edits, before the morning shift.
  services.queue.schedule(RETRAIN_JOB, '40 2 * * *');
  services.queue.register(AGGREGATE_QUESTIONS_JOB, async ({ now }) => aggregateQuestions(services, now));
  // Mondays 03:10 Asia/Shanghai: the past week's consultations wait for the 专家席's week.
  services.queue.schedule(AGGREGATE_QUESTIONS_JOB, '10 3 * * 1');
}
