import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { type Recipient, resolveAudience } from '../delivery/recipients';
import { projects } from '../org/schema';
import { SURVEY_LINK_BASE } from './settings';

export const surveyLink = (base: string, token: string) => `${base.replace(/\/+$/, '')}/portal/s/${token}`;

/**
 * The survey link by SMS to one resident with a mobile per household (the owner first, as the audience
 * lists them), inside the caller's transaction. `reminder` changes the wording only.
 */
export async function queueSurveySms(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  campaign: { id: number; companyId: number; projectId: number; name: string },
  invitations: { unitId: number; token: string }[],
  reminder: boolean,
): Promise<number> {
  if (!invitations.length) return 0;
  const [project] = await tx
    .select({ name: projects.name })
    .from(projects)
    .where(eq(projects.id, campaign.projectId));
  const base = await getSetting(tx, SURVEY_LINK_BASE, campaign);
  const tokenOf = new Map(invitations.map((i) => [i.unitId, i.token]));
  const recipients = await resolveAudience(tx, {
    projectId: campaign.projectId,
    unitIds: [...tokenOf.keys()],
  });
  const one = new Map<number, Recipient>();
  for (const r of recipients) if (r.unitId && r.mobile && !one.has(r.unitId)) one.set(r.unitId, r);
  const chosen = [...one.values()];
  await queueDeliveries(
    tx,
    services,
    {
      companyId: campaign.companyId,
      projectId: campaign.projectId,
      sourceType: 'survey',
      sourceId: campaign.id,
      urgent: false,
      subject: campaign.name,
      channel: 'sms',
    },
    chosen,
    (r) =>
      `【${project?.name ?? '物业'}】${reminder ? '提醒：' : ''}诚邀您参加「${campaign.name}」，约3分钟，您的意见是我们改进的依据：${surveyLink(base, tokenOf.get(r.unitId ?? 0) ?? '')}`,
  );
  return chosen.length;
}
