import { zonedDay } from '@guanjia/shared';
import {
  fileResponse,
  surveyCampaignInput,
  surveyCampaignPageSchema,
  surveyCampaignSchema,
  surveyCloseSchema,
  surveyFormSchema,
  surveyInvitationPageSchema,
  surveyReportSchema,
  surveyResponseInput,
  surveyResultsSchema,
  surveyTemplateInput,
  surveyTemplateListSchema,
  surveyTemplatePatch,
  surveyTemplateSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { idParam, pageQuery, queryBool } from '../../platform/http/pagination';
import { projects, units } from '../org/schema';
import { rectifications } from '../rectifications/schema';
import { calls } from '../telephony/schema';
import { assertBuildingInZones } from '../zones/scope';
import { recordAnswer } from './answer-survey';
import { closeCampaign } from './close-campaign';
import { openCampaign } from './open-campaign';
import {
  campaignInScope,
  campaignResults,
  listCampaigns,
  listInvitations,
  presentCampaigns,
} from './queries';
import { sendSurveyReportXlsx, surveyReport } from './report';
import { renderSurveyReport } from './report-pdf';
import { surveyInvitations } from './schema';
import { sendReminders } from './send-reminders';
import { addStandardTemplate, createTemplate, listTemplates, updateTemplate } from './templates';

const tags = ['surveys'];
const projectQuery = z.object({ projectId: z.coerce.number().int().positive().optional() });
const reportQuery = z.object({ projectId: z.coerce.number().int().positive() });
const campaignQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'closed']).optional(),
});
const invitationQuery = pageQuery.extend({
  answered: queryBool.optional(),
  zoneId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(30).optional(),
});
const unitQuery = z.object({ unitId: z.coerce.number().int().positive() });
const closeBody = z.object({
  version: z.number().int().positive(),
  ownerId: z.number().int().positive().nullable().optional(),
});
const pdfFile = fileResponse('application/pdf', 'A PDF document');

export async function surveyRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  const campaignOut = async (id: number, auth: AuthContext) => {
    const [c] = await presentCampaigns(db, [await campaignInScope(db, auth, id)]);
    return c!;
  };

  app.get(
    '/api/survey-templates',
    {
      onRequest: guard('surveys.read'),
      schema: { tags, querystring: projectQuery, response: { 200: surveyTemplateListSchema } },
    },
    async (request) => ({ items: await listTemplates(db, currentAuth(request), request.query.projectId) }),
  );
  app.post(
    '/api/survey-templates',
    {
      onRequest: guard('surveys.write'),
      schema: { tags, body: surveyTemplateInput, response: { 201: surveyTemplateSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createTemplate(services, currentAuth(request), request.body)),
  );
  // The seeded semi-annual 物业服务满意度调查, company-wide (idempotent).
  app.post(
    '/api/survey-templates/standard',
    { onRequest: guard('surveys.write'), schema: { tags, response: { 200: surveyTemplateSchema } } },
    async (request) => addStandardTemplate(services, currentAuth(request)),
  );
  app.patch(
    '/api/survey-templates/:id',
    {
      onRequest: guard('surveys.write'),
      schema: { tags, params: idParam, body: surveyTemplatePatch, response: { 200: surveyTemplateSchema } },
    },
    async (request) => updateTemplate(services, currentAuth(request), request.params.id, request.body),
  );

  app.get(
    '/api/survey-campaigns',
    {
      onRequest: guard('surveys.read'),
      schema: { tags, querystring: campaignQuery, response: { 200: surveyCampaignPageSchema } },
    },
    async (request) => listCampaigns(db, currentAuth(request), request.query),
  );
  app.post(
    '/api/survey-campaigns',
    {
      onRequest: guard('surveys.write'),
      schema: { tags, body: surveyCampaignInput, response: { 201: surveyCampaignSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const id = await openCampaign(services, auth, request.body);
      return reply.status(201).send(await campaignOut(id, auth));
    },
  );
  app.get(
    '/api/survey-campaigns/:id',
    {
      onRequest: guard('surveys.read'),
      schema: { tags, params: idParam, response: { 200: surveyCampaignSchema } },
    },
    async (request) => campaignOut(request.params.id, currentAuth(request)),
  );
  app.get(
    '/api/survey-campaigns/:id/results',
    {
      onRequest: guard('surveys.read'),
      schema: { tags, params: idParam, response: { 200: surveyResultsSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      return campaignResults(db, auth, await campaignInScope(db, auth, request.params.id));
    },
  );
  app.get(
    '/api/survey-campaigns/:id/invitations',
    {
      onRequest: guard('surveys.read'),
      schema: {
        tags,
        params: idParam,
        querystring: invitationQuery,
        response: { 200: surveyInvitationPageSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      return listInvitations(db, auth, await campaignInScope(db, auth, request.params.id), request.query);
    },
  );
  // The form of one household, for the agent on the phone or the clerk entering a paper form.
  app.get(
    '/api/survey-campaigns/:id/form',
    {
      onRequest: guard('surveys.write'),
      schema: { tags, params: idParam, querystring: unitQuery, response: { 200: surveyFormSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const c = await campaignInScope(db, auth, request.params.id);
      const [row] = await db
        .select({ inv: surveyInvitations, label: units.label, buildingId: units.buildingId })
        .from(surveyInvitations)
        .innerJoin(units, eq(units.id, surveyInvitations.unitId))
        .where(
          and(eq(surveyInvitations.campaignId, c.id), eq(surveyInvitations.unitId, request.query.unitId)),
        );
      if (!row) throw notFound('Survey invitation');
      assertBuildingInZones(auth, row.buildingId, 'Survey invitation');
      return {
        campaignId: c.id,
        invitationId: row.inv.id,
        name: c.name,
        description: null,
        unitId: row.inv.unitId,
        unitLabel: row.label,
        endsOn: c.endsOn,
        answeredAt: row.inv.answeredAt?.toISOString() ?? null,
        sections: c.sections,
      };
    },
  );
  // A phone interview (the agent fills the form while calling; the call record is linked) or a paper form.
  app.post(
    '/api/survey-campaigns/:id/responses',
    {
      onRequest: guard('surveys.write'),
      schema: { tags, params: idParam, body: surveyResponseInput, response: { 201: surveyCampaignSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const body = request.body;
      await db.transaction(async (tx) => {
        const c = await campaignInScope(tx, auth, request.params.id);
        const [row] = await tx
          .select({ inv: surveyInvitations, buildingId: units.buildingId })
          .from(surveyInvitations)
          .innerJoin(units, eq(units.id, surveyInvitations.unitId))
          .where(and(eq(surveyInvitations.campaignId, c.id), eq(surveyInvitations.unitId, body.unitId)))
          .for('update', { of: surveyInvitations });
        if (!row) throw notFound('Survey invitation');
        assertBuildingInZones(auth, row.buildingId, 'Survey invitation');
        if (body.callId) {
          const [call] = await tx
            .select({ projectId: calls.projectId })
            .from(calls)
            .where(eq(calls.id, body.callId));
          if (!call || call.projectId !== c.projectId)
            throw badRequest('The call is not one of this project');
        }
        await recordAnswer(tx, userActor(auth), now(), row.inv, c, {
          channel: body.channel,
          answers: body.answers,
          staffId: auth.userId,
          callId: body.callId ?? null,
        });
      });
      return reply.status(201).send(await campaignOut(request.params.id, auth));
    },
  );
  app.post(
    '/api/survey-campaigns/:id/remind',
    {
      onRequest: guard('surveys.write'),
      schema: { tags, params: idParam, response: { 200: surveyCampaignSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await sendReminders(services, userActor(auth), await campaignInScope(db, auth, request.params.id));
      return campaignOut(request.params.id, auth);
    },
  );
  app.post(
    '/api/survey-campaigns/:id/close',
    {
      onRequest: guard('surveys.write'),
      schema: { tags, params: idParam, body: closeBody, response: { 200: surveyCloseSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { rectificationIds } = await closeCampaign(services, auth, request.params.id, request.body);
      return { campaign: await campaignOut(request.params.id, auth), rectificationIds };
    },
  );
  app.get(
    '/api/survey-campaigns/:id/report.pdf',
    { onRequest: guard('surveys.read'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await campaignInScope(db, auth, request.params.id);
      const [c] = await presentCampaigns(db, [row]);
      const results = await campaignResults(db, auth, row);
      const [p] = await db
        .select({ name: projects.name, tz: projects.timezone })
        .from(projects)
        .where(eq(projects.id, row.projectId));
      const items = await db
        .select({ title: rectifications.title, deadline: rectifications.deadline })
        .from(rectifications)
        .where(and(eq(rectifications.sourceType, 'survey'), eq(rectifications.sourceId, row.id)))
        .orderBy(asc(rectifications.id));
      const tz = p?.tz ?? 'Asia/Shanghai';
      const pdf = await renderSurveyReport(c!, results, {
        projectName: p?.name ?? '',
        printedOn: zonedDay(now(), tz),
        rectifications: items.map((i) => ({ title: i.title, deadline: zonedDay(i.deadline, tz) })),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`满意度调查报告-${row.name}.pdf`)}`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.get(
    '/api/reports/surveys',
    {
      onRequest: guard('surveys.read'),
      schema: { tags, querystring: reportQuery, response: { 200: surveyReportSchema } },
    },
    async (request) => surveyReport(db, currentAuth(request), request.query.projectId),
  );
  app.get(
    '/api/reports/surveys/export.xlsx',
    {
      onRequest: guard('surveys.read'),
      schema: { tags, querystring: reportQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.query.projectId, 'Project');
      const [p] = await db
        .select({ name: projects.name })
        .from(projects)
        .where(eq(projects.id, request.query.projectId));
      return sendSurveyReportXlsx(
        reply,
        await surveyReport(db, auth, request.query.projectId),
        p?.name ?? '',
      );
    },
  );
}
