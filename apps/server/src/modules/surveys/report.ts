import type { SurveyReport } from '@guanjia/shared/api';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { loadExcelJs, sendXlsx, styleHeaderRow, workbookBuffer } from '../../platform/http/xlsx';
import { zones } from '../zones/schema';
import { campaignResults, surveyTargets } from './queries';
import { OVERALL, ratio, resultsFromTallies } from './rules/results';
import { surveyCampaigns, surveyTallies } from './schema';

/** R07: every campaign of the project (the trend), the latest one's results, and its zone ranking. */
export async function surveyReport(db: DbOrTx, auth: AuthContext, projectId: number): Promise<SurveyReport> {
  assertInScope(auth, projectId, 'Project');
  const campaigns = await db
    .select()
    .from(surveyCampaigns)
    .where(and(eq(surveyCampaigns.projectId, projectId), eq(surveyCampaigns.companyId, auth.companyId)))
    .orderBy(asc(surveyCampaigns.startsOn), asc(surveyCampaigns.id));
  const targets = await surveyTargets(db, { companyId: auth.companyId, projectId });
  const ids = campaigns.map((c) => c.id);
  const tallies = ids.length
    ? await db
        .select()
        .from(surveyTallies)
        .where(
          and(
            inArray(surveyTallies.campaignId, ids),
            eq(surveyTallies.dimension, OVERALL),
            auth.zoneIds != null
              ? inArray(surveyTallies.zoneId, auth.zoneIds.length ? [...auth.zoneIds] : [-1])
              : undefined,
          ),
        )
    : [];
  const zoneRows = await db
    .select({ id: zones.id, name: zones.name })
    .from(zones)
    .where(eq(zones.projectId, projectId));
  const latestRow = campaigns.at(-1);
  const latest = latestRow ? await campaignResults(db, auth, latestRow) : null;
  return {
    projectId,
    targets,
    campaigns: campaigns.map((c) => {
      const r = resultsFromTallies(
        tallies.filter((t) => t.campaignId === c.id),
        zoneRows,
        targets,
      );
      return {
        id: c.id,
        name: c.name,
        startsOn: c.startsOn,
        status: c.status,
        households: r.households,
        responded: r.responded,
        coverage: ratio(r.responded, r.households),
        satisfaction: r.satisfaction,
      };
    }),
    latest,
    zoneRanking: latest?.byZone ?? [],
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function sendSurveyReportXlsx(reply: FastifyReply, r: SurveyReport, projectName: string) {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  const trend = wb.addWorksheet('历次调查');
  trend.columns = [
    { header: '调查', width: 28 },
    { header: '开始日期', width: 12 },
    { header: '调查户数', width: 10 },
    { header: '参与户数', width: 10 },
    { header: `覆盖率(目标${pct(r.targets.coverage)})`, width: 18 },
    { header: `满意率(目标${pct(r.targets.satisfaction)})`, width: 18 },
  ];
  styleHeaderRow(trend.getRow(1));
  for (const c of r.campaigns)
    trend.addRow([c.name, c.startsOn, c.households, c.responded, pct(c.coverage), pct(c.satisfaction)]);
  const dims = wb.addWorksheet('分维度');
  dims.columns = [
    { header: '维度', width: 12 },
    { header: '评价户数', width: 10 },
    { header: '满意户数', width: 10 },
    { header: '满意率', width: 10 },
    { header: '是否低于目标', width: 14 },
  ];
  styleHeaderRow(dims.getRow(1));
  for (const d of r.latest?.byDimension ?? [])
    dims.addRow([d.dimension, d.answered, d.satisfied, pct(d.satisfaction), d.belowTarget ? '是' : '否']);
  const zs = wb.addWorksheet('片区排名');
  zs.columns = [
    { header: '名次', width: 6 },
    { header: '片区', width: 14 },
    { header: '户数', width: 8 },
    { header: '参与', width: 8 },
    { header: '覆盖率', width: 10 },
    { header: '满意率', width: 10 },
  ];
  styleHeaderRow(zs.getRow(1));
  r.zoneRanking.forEach((z, i) => {
    zs.addRow([i + 1, z.zoneName, z.households, z.responded, pct(z.coverage), pct(z.satisfaction)]);
  });
  const notes = wb.addWorksheet('口径');
  notes.addRow(['覆盖率', '参与户数 ÷ 调查户数（Q81 ≥ 45%）']);
  notes.addRow(['满意率', '总体满意度答“满意/非常满意”的户数 ÷ 回答该题的户数（Q82 ≥ 70%）；每户只计一次']);
  return sendXlsx(reply, `满意度报表-${projectName}.xlsx`, await workbookBuffer(wb));
}
