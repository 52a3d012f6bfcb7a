import {
  campaignInput,
  campaignList,
  campaignPatch,
  campaignResults,
  campaignResultsQuery,
  campaignScoreBody,
  qualityCampaignListQuery,
  qualityCampaignSchema,
  qualityReportQuery,
  qualityReportSchema,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { sendRowsAsXlsx } from '../../platform/http/xlsx';
import {
  campaignInScope,
  campaignViews,
  createCampaign,
  listCampaigns,
  campaignResults as resultsOf,
  scoreCampaignUnit,
  updateCampaign,
} from './campaigns';
import { qualityReport } from './report';
import { qualityCampaigns as qualityCampaignsTable } from './schema';

const tags = ['quality-inspections'];
const _MODE: Record<string, string> = { planned: '计划检查', open: '明查', mystery: '暗访' };
const _STATE: Record<string, string> = {
  planned: '待检查',
  in_progress: '检查中',
  submitted: '已提交',
  cancelled: '已取消',
};
const BAND: Record<string, string> = { fail: '不及格', good: '良好', excellent: '优秀' };
const ROLE: Record<string, string> = { manager: '部门经理', supervisor: '主管', lead: '班长(领班)' };
const yuan = (fen: number) => fen / 100;

/** 品质提升专项 (W-21) with its results for finance, and the R17 quality report. */
export async function qualityCampaignRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  // ── 品质提升专项 (W-21) ──
  const campaignOut = async (id: number) => {
    const [c] = await db.select().from(qualityCampaignsTable).where(eq(qualityCampaignsTable.id, id));
    const [view] = await campaignViews(db, c ? [c] : []);
    if (!view) throw new Error('campaign vanished');
    return view;
  };
  app.get(
    '/api/quality-campaigns',
    {
      onRequest: guard('quality.read'),
      schema: { tags, querystring: qualityCampaignListQuery, response: { 200: campaignList } },
    },
    async (request) => ({ items: await listCampaigns(db, currentAuth(request), request.query.projectId) }),
  );
  app.post(
    '/api/quality-campaigns',
    {
      onRequest: guard('quality.manage'),
      schema: { tags, body: campaignInput, response: { 201: qualityCampaignSchema } },
    },
    async (request, reply) => {
      const c = await createCampaign(services, currentAuth(request), request.body);
      return reply.status(201).send(await campaignOut(c.id));
    },
  );
  app.get(
    '/api/quality-campaigns/:id',
    {
      onRequest: guard('quality.read'),
      schema: { tags, params: idParam, response: { 200: qualityCampaignSchema } },
    },
    async (request) => campaignOut((await campaignInScope(db, currentAuth(request), request.params.id)).id),
  );
  app.patch(
    '/api/quality-campaigns/:id',
    {
      onRequest: guard('quality.manage'),
      schema: { tags, params: idParam, body: campaignPatch, response: { 200: qualityCampaignSchema } },
    },
    async (request) =>
      campaignOut((await updateCampaign(services, currentAuth(request), request.params.id, request.body)).id),
  );
  app.post(
    '/api/quality-campaigns/:id/scores',
    {
      onRequest: guard('quality.manage'),
      schema: { tags, params: idParam, body: campaignScoreBody, response: { 200: qualityCampaignSchema } },
    },
    async (request) =>
      campaignOut(
        (await scoreCampaignUnit(services, currentAuth(request), request.params.id, request.body)).id,
      ),
  );
  app.get(
    '/api/quality-campaigns/:id/results',
    {
      onRequest: guard('quality.read'),
      schema: {
        tags,
        params: idParam,
        querystring: campaignResultsQuery,
        response: { 200: campaignResults },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const results = await resultsOf(db, await campaignInScope(db, auth, request.params.id));
      if (request.query.format !== 'xlsx') return results;
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      const rows = results.rows.flatMap((r) => [
        ...r.people.map((p) => ({
          dept: r.departmentName,
          score: r.score,
          band: r.band ? BAND[r.band] : '',
          role: ROLE[p.role] ?? p.role,
          name: p.name ?? '',
          amount: yuan(p.amount),
        })),
        ...(r.teamAward
          ? [
              {
                dept: r.departmentName,
                score: r.score,
                band: r.band ? BAND[r.band] : '',
                role: '团队奖励',
                name: '',
                amount: yuan(r.teamAward),
              },
            ]
          : []),
      ]);
      return sendRowsAsXlsx(reply, {
        filename: `${results.title}-奖罚结果.xlsx`,
        sheetName: '奖罚结果',
        total: rows.length,
        rows,
        columns: [
          { header: '部门', width: 14, value: (r) => r.dept },
          { header: '验收得分', width: 10, value: (r) => r.score },
          { header: '等级', width: 8, value: (r) => r.band },
          { header: '岗位', width: 12, value: (r) => r.role },
          { header: '姓名', width: 10, value: (r) => r.name },
          { header: '奖罚金额(元)', width: 14, value: (r) => r.amount },
        ],
      });
    },
  );

  // ── R17 ──
  app.get(
    '/api/reports/quality',
    {
      onRequest: guard('quality.read'),
      schema: { tags, querystring: qualityReportQuery, response: { 200: qualityReportSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const r = await qualityReport(db, auth, request.query, now());
      if (request.query.format !== 'xlsx') return r;
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      return sendRowsAsXlsx(reply, {
        filename: `品质报表-${r.from}-${r.to}.xlsx`,
        sheetName: '品质报表',
        total: r.items.length + r.zones.length + r.nines.length + r.sheets.length,
        rows: [
          ...r.sheets.map((s) => ({
            kind: '评分表',
            name: s.name,
            a: s.inspections,
            b: s.avgPercent,
            c: '',
          })),
          ...r.months.map((s) => ({ kind: '月份', name: s.month, a: s.inspections, b: s.avgPercent, c: '' })),
          ...r.departments.map((s) => ({
            kind: '部门',
            name: s.name,
            a: s.inspections,
            b: s.avgPercent,
            c: '',
          })),
          ...r.zones.map((s) => ({
            kind: '片区评比',
            name: s.name,
            a: s.inspections,
            b: s.avgPercent,
            c: `第${s.rank}名`,
          })),
          ...r.items.map((s) => ({
            kind: '扣分项',
            name: `${s.sheetName}/${s.sectionTitle}/${s.itemTitle}`,
            a: s.defects,
            b: s.deduction,
            c: '',
          })),
          ...r.nines.map((s) => ({
            kind: '9S月度',
            name: `${s.name} ${s.month}`,
            a: s.count,
            b: s.points,
            c: s.flagged ? '扣绩效' : '',
          })),
          {
            kind: '整改',
            name: `按时整改率 ${r.rectifications.onTimeRate ?? '—'}% · 复查通过率 ${r.rectifications.passRate ?? '—'}%`,
            a: r.rectifications.total,
            b: r.rectifications.closed,
            c: `超期未整改 ${r.rectifications.overdueOpen}`,
          },
        ],
        columns: [
          { header: '类别', width: 10, value: (x) => x.kind },
          { header: '名称', width: 40, value: (x) => x.name },
          { header: '次数/不合格数', width: 14, value: (x) => x.a },
          { header: '平均分/扣分', width: 14, value: (x) => x.b },
          { header: '备注', width: 16, value: (x) => x.c },
        ],
      });
    },
  );
}
