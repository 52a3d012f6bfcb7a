import { zonedDay } from '@guanjia/shared';
import {
  okSchema,
  portalSurveyListSchema,
  type SurveyForm,
  surveyAnswersInput,
  surveyFormSchema,
} from '@guanjia/shared/api';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { projects, units } from '../org/schema';
import { currentPortal } from '../portal/context';
import { lockInvitation, recordAnswer } from './answer-survey';
import {
  type SurveyCampaignRow,
  type SurveyInvitationRow,
  surveyCampaigns,
  surveyInvitations,
} from './schema';

const tags = ['portal'];
const residentActor = (companyId: number) => ({ userId: null, companyId, source: 'channel' as const });

const formOf = (c: SurveyCampaignRow, inv: SurveyInvitationRow, unitLabel: string): SurveyForm => ({
  campaignId: c.id,
  invitationId: inv.id,
  name: c.name,
  description: null,
  unitId: inv.unitId,
  unitLabel,
  endsOn: c.endsOn,
  answeredAt: inv.answeredAt?.toISOString() ?? null,
  sections: c.sections,
});

async function labelOf(db: DbOrTx, unitId: number) {
  const [u] = await db.select({ label: units.label }).from(units).where(eq(units.id, unitId));
  return u?.label ?? '';
}

/**
 * The resident's side: surveys of their households on the portal, and the SMS link (a token, no
 * login: the link is the household's invitation and answers nothing else).
 */
export function portalSurveyRoutes(app: App, portalGuard: (request: FastifyRequest) => Promise<void>): void {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  app.get(
    '/api/portal/surveys',
    { onRequest: portalGuard, schema: { tags, response: { 200: portalSurveyListSchema } } },
    async (request) => {
      const p = currentPortal(request);
      const unitIds = p.units.map((u) => u.id);
      if (!unitIds.length) return { items: [] };
      const rows = await db
        .select({ inv: surveyInvitations, c: surveyCampaigns, label: units.label, tz: projects.timezone })
        .from(surveyInvitations)
        .innerJoin(surveyCampaigns, eq(surveyCampaigns.id, surveyInvitations.campaignId))
        .innerJoin(units, eq(units.id, surveyInvitations.unitId))
        .innerJoin(projects, eq(projects.id, surveyCampaigns.projectId))
        .where(
          and(
            inArray(surveyInvitations.unitId, unitIds),
            eq(surveyCampaigns.status, 'open'),
            eq(surveyCampaigns.companyId, p.companyId),
          ),
        )
        .orderBy(asc(surveyCampaigns.endsOn), asc(surveyInvitations.id));
      // "Today" is the campaign's project's day, as answering checks it (assertAnswerable).
      const running = (r: (typeof rows)[number]) => {
        const today = zonedDay(now(), r.tz);
        return r.c.startsOn <= today && today <= r.c.endsOn;
      };
      return {
        items: rows
          .filter((r) => r.c.channels.includes('portal') && running(r))
          .map((r) => formOf(r.c, r.inv, r.label)),
      };
    },
  );

  app.post(
    '/api/portal/surveys/:id/answers',
    {
      onRequest: portalGuard,
      schema: {
        tags,
        params: idParam,
        body: surveyAnswersInput.extend({ unitId: z.number().int().positive().optional() }),
        response: { 201: surveyFormSchema },
      },
    },
    async (request, reply) => {
      const p = currentPortal(request);
      const mine = p.units.filter((u) => !request.body.unitId || u.id === request.body.unitId);
      const form = await db.transaction(async (tx) => {
        const [found] = mine.length
          ? await tx
              .select({ id: surveyInvitations.id })
              .from(surveyInvitations)
              .where(
                and(
                  eq(surveyInvitations.campaignId, request.params.id),
                  inArray(
                    surveyInvitations.unitId,
                    mine.map((u) => u.id),
                  ),
                ),
              )
              .orderBy(asc(surveyInvitations.answeredAt), asc(surveyInvitations.id))
          : [];
        if (!found) throw notFound('Survey invitation');
        const { inv, campaign } = await lockInvitation(tx, eq(surveyInvitations.id, found.id));
        if (campaign.companyId !== p.companyId) throw notFound('Survey invitation');
        const resident = p.units.find((u) => u.id === inv.unitId);
        const row = await recordAnswer(tx, residentActor(p.companyId), now(), inv, campaign, {
          channel: 'portal',
          answers: request.body.answers,
          residentId: resident?.residentId ?? null,
        });
        return formOf(campaign, row, await labelOf(tx, inv.unitId));
      });
      return reply.status(201).send(form);
    },
  );
}

// min/max as well as the pattern, so the OpenAPI document says how long a token is.
const tokenParam = z.object({
  token: z
    .string()
    .min(16)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export async function surveyLinkRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  app.get(
    '/api/survey-links/:token',
    { schema: { tags, params: tokenParam, response: { 200: surveyFormSchema } } },
    async (request) => {
      const [inv] = await db
        .select()
        .from(surveyInvitations)
        .where(eq(surveyInvitations.token, request.params.token));
      if (!inv) throw notFound('Survey invitation');
      const [c] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, inv.campaignId));
      if (!c) throw notFound('Survey invitation');
      const [project] = await db
        .select({ name: projects.name })
        .from(projects)
        .where(eq(projects.id, c.projectId));
      return { ...formOf(c, inv, await labelOf(db, inv.unitId)), description: project?.name ?? null };
    },
  );

  app.post(
    '/api/survey-links/:token/answers',
    { schema: { tags, params: tokenParam, body: surveyAnswersInput, response: { 201: okSchema } } },
    async (request, reply) => {
      await db.transaction(async (tx) => {
        const { inv, campaign } = await lockInvitation(tx, eq(surveyInvitations.token, request.params.token));
        await recordAnswer(tx, residentActor(campaign.companyId), now(), inv, campaign, {
          channel: 'sms',
          answers: request.body.answers,
        });
      });
      return reply.status(201).send({ ok: true });
    },
  );
}
