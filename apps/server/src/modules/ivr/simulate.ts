import type { TicketType } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { flowOf, invalidFlow } from './flows';
import type { simulateBody } from './inputs';
import { readEnv } from './ivr-env';
import type { IvrFlow } from './rules/flow';
import { stepFlow } from './rules/interpret';
import { validateFlow } from './rules/validate-flow';
import { type Tts, withAudio } from './tts/speak';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/**
 * The console simulator: staff "call" a flow (the saved one or a draft) key by key. Same interpreter,
 * real business hours (or a forced branch) and real self-service lookups, but nothing is written:
 * the ticket a voicemail would file is returned instead, and the browser keeps the call's state.
 */
export async function simulateStep(
  ctx: Ctx,
  tts: { engine: Tts; origin: string },
  auth: AuthContext,
  projectId: number,
  body: z.infer<typeof simulateBody>,
) {
  assertInScope(auth, projectId, 'Project');
  const { db } = ctx.database;
  const [project] = await db
    .select({ companyId: projects.companyId, areaCode: projects.areaCode })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project');
  let flow: IvrFlow;
  if (body.flow !== undefined) {
    const check = validateFlow(body.flow);
    if (!check.ok) throw invalidFlow(check.errors);
    flow = check.flow;
  } else flow = (await flowOf(db, projectId, ctx.clock.now())).flow;
  const live = readEnv(ctx, { projectId, ...project, callId: 'simulator', from: body.from });
  const tickets: { type: TicketType; description: string; recordingUrl: string | null }[] = [];
  const { state, reply } = await stepFlow(flow, body.state ?? null, body, {
    isOpen: body.hours === 'auto' ? live.isOpen : async () => body.hours === 'open',
    lookup: live.lookup,
    createTicket: async ({ type, description, recordingUrl }) => {
      tickets.push({ type, description, recordingUrl });
    },
  });
  // The console plays what a caller would hear, through the same signed link the PBX gets.
  const spoken = await withAudio(tts.engine, tts.origin, flow, reply, Math.floor(Date.now() / 1000));
  return { reply: spoken, state, tickets };
}
