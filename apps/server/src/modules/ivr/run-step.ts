import { and, eq } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import type { ProjectLink } from '../telephony/project-link';
import { withCallLock } from './call-lock';
import { flowOf } from './flows';
import type { StepInput } from './inputs';
import { liveEnv } from './ivr-env';
import { ivrFlow } from './rules/flow';
import { type IvrReply, type IvrState, stepFlow } from './rules/interpret';
import { ivrSessions } from './schema';
import { type Tts, withAudio } from './tts/speak';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/**
 * One IVR step for a PBX call. Steps of one call run one after the other (withCallLock): two
 * overlapping requests see each other's effect, as if the PBX had sent them in turn; the ticket a
 * step files is idempotent per call and node besides.
 */
export async function runIvrStep(
  ctx: Ctx,
  tts: { engine: Tts; origin: string },
  link: ProjectLink,
  input: StepInput,
): Promise<IvrReply & { audioUrl?: string }> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const flowRow = await flowOf(db, link.projectId, now);
  const flow = ivrFlow.parse(flowRow.flow);
  const where = and(eq(ivrSessions.projectId, link.projectId), eq(ivrSessions.callId, input.callId));
  await db
    .insert(ivrSessions)
    .values({
      projectId: link.projectId,
      callId: input.callId,
      fromNumber: input.from,
      state: { node: flow.start, awaiting: false, retries: 0, intent: null, recordingUrl: null, done: false },
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const reply = await withCallLock(db, where, async (session) => {
    // A fresh session has not spoken yet: run from the start.
    const previous: IvrState | null = session.steps === 0 ? null : session.state;
    const env = liveEnv(ctx, { ...link, callId: input.callId, from: session.fromNumber });
    const { state, reply } = await stepFlow(flow, previous, input, env);
    await db
      .update(ivrSessions)
      .set({ state, done: state.done, steps: session.steps + 1, updatedAt: ctx.clock.now() })
      .where(where);
    return reply;
  });
  return withAudio(tts.engine, tts.origin, flow, reply, Math.floor(Date.now() / 1000));
}
