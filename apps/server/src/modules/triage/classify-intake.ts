import type { TicketPriority, TicketType } from '@guanjia/shared';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { TRIAGE_AUTO_CATEGORY_PERCENT, TRIAGE_AUTO_URGENT } from './settings';
import { suggestForProject } from './suggest-text';
import type { TriageResult } from './types';

export interface IntakeClassification {
  result: TriageResult;
  /** 急 when the text names a danger and the project lets triage start the urgent clocks. */
  priority: TicketPriority | null;
  categoryId: number | null;
  type: TicketType;
  autoUrgent: boolean;
}

/**
 * Pre-classify a ticket that arrives without an agent (portal, e-mail): the category when confident,
 * the type, and 急 only on a rule-found danger (燃气味, 困在电梯, 水漫到楼下) — a model's guess never
 * starts urgent clocks on its own. A failure to classify never blocks the intake.
 */
export async function classifyIntake(
  ctx: Pick<Services, 'database'>,
  companyId: number,
  projectId: number,
  text: string,
): Promise<IntakeClassification | null> {
  const { db } = ctx.database;
  try {
    const scope = { companyId, projectId };
    const [result, autoUrgentOn, categoryPercent] = await Promise.all([
      suggestForProject(ctx.database, db, companyId, projectId, text),
      getSetting(db, TRIAGE_AUTO_URGENT, scope),
      getSetting(db, TRIAGE_AUTO_CATEGORY_PERCENT, scope),
    ]);
    const top = result.categories[0];
    const autoUrgent = autoUrgentOn && result.confidentUrgent;
    return {
      result,
      priority: autoUrgent ? '急' : null,
      categoryId: top?.id && top.confidence * 100 >= categoryPercent ? top.id : null,
      type: result.type,
      autoUrgent,
    };
  } catch (error) {
    console.error('[triage] intake classification failed', error);
    return null;
  }
}
