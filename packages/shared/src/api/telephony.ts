/** The call center: calls, the caller 360 (screen pop), PBX hooks, agents, queues and the wallboard. */
import { z } from 'zod';
import { SLA_BADGES, TICKET_STATUSES, TICKET_TYPES } from '../tickets';
import { isoTime, nullableTime, page } from './common';
import { residentSchema } from './residents';

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export const CALL_STATES = ['dialing', 'ringing', 'answered', 'ended'] as const;
export const CALL_CALLBACK_STATES = ['pending', 'done'] as const;
export const AGENT_STATES = ['在线', '小休', '通话中', '离线'] as const;
export const ROUTING_STRATEGIES = ['longest-idle', 'round-robin', 'skill'] as const;

/** A call; the resident's number is masked without pii.view (piiMasked says so). */
export const callSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  callId: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  state: z.enum(CALL_STATES),
  from: z.string(),
  to: z.string(),
  agentExtension: z.string().nullable(),
  agentId: z.number().nullable(),
  agentName: z.string().nullable(),
  queue: z.string().nullable(),
  startedAt: isoTime,
  answeredAt: nullableTime,
  endedAt: nullableTime,
  waitSeconds: z.number().nullable(),
  talkSeconds: z.number().nullable(),
  recordingUrl: z.string().nullable(),
  transcript: z.string().nullable(),
  /** Forbidden phrases flagged in the transcript. */
  forbidden: z.array(z.string()),
  cause: z.string().nullable(),
  callbackState: z.enum(CALL_CALLBACK_STATES).nullable(),
  callbackDueAt: nullableTime,
  calledBackById: z.number().nullable(),
  tickets: z.array(z.object({ id: z.number(), number: z.string() })),
  version: z.number(),
  piiMasked: z.boolean(),
});
export type CallItem = z.infer<typeof callSchema>;
export const callPageSchema = page(callSchema);

export const callerTicketSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  number: z.string(),
  type: z.enum(TICKET_TYPES),
  status: z.enum(TICKET_STATUSES),
  title: z.string(),
  slaState: z.enum(SLA_BADGES),
  createdAt: isoTime,
  /** The unit it is about: the screen pop shows a household's open tickets on every member's call. */
  unitId: z.number().nullable(),
  residentId: z.number().nullable(),
  /** 催单 count (Q44). */
  urgeCount: z.number(),
});
export type CallerTicket = z.infer<typeof callerTicketSchema>;

/** The screen pop's resident 360 for a number: its residents, open tickets and last ten contacts. */
export const callerLookupSchema = z.object({
  number: z.string(),
  e164: z.string().nullable(),
  kind: z.string().nullable(),
  extension: z.string().nullable(),
  piiMasked: z.boolean(),
  known: z.boolean(),
  residents: z.array(residentSchema.extend({ openTickets: z.array(callerTicketSchema) })),
  lastContacts: z.array(
    z.object({
      kind: z.enum(['ticket', 'call']),
      at: isoTime,
      ticket: callerTicketSchema.optional(),
      call: callSchema.optional(),
    }),
  ),
});
export type CallerLookup = z.infer<typeof callerLookupSchema>;

/**
 * POST /api/tickets/:id/dial — call the ticket's contact back: through the PBX when the project has
 * click-to-call (`pbx`, the new call's id), otherwise the number for a tel: link (`tel`, audited).
 */
export const ticketDialSchema = z.object({
  mode: z.enum(['pbx', 'tel']),
  callId: z.number().nullable(),
  number: z.string(),
});
export type TicketDial = z.infer<typeof ticketDialSchema>;
/** GET /api/calls/:id/caller: the call and the 360 of its other party. */
export const callCallerSchema = z.object({ call: callSchema.nullable(), caller: callerLookupSchema });

/** What the PBX webhook did with an event: `reject` hangs up a blocked number. */
export const callEventResultSchema = z.object({
  action: z.enum(['ok', 'reject']),
  callId: z.number(),
  duplicate: z.boolean(),
});

/** The IVR bridge's routing answer: ring an agent's extension, or hold with the queue position. */
export const routeResultSchema = z.union([
  z.object({ action: z.literal('route'), agent: z.string(), agentId: z.number() }),
  z.object({ action: z.literal('wait'), position: z.number().nullable(), waiting: z.number() }),
]);

/** The project's PBX link; the token itself is shown once, when rotated. */
export const telephonyConfigSchema = z.object({
  projectId: z.number(),
  hasToken: z.boolean(),
  dialUrl: z.string().nullable(),
  version: z.number().nullable(),
});
export const telephonyTokenSchema = telephonyConfigSchema.extend({ token: z.string() });

export const blockedNumberSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  number: z.string(),
  reason: z.string().nullable(),
  createdAt: isoTime,
});
export const blockedNumberPageSchema = page(blockedNumberSchema);

export const agentExtensionSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  username: z.string(),
  extension: z.string().nullable(),
});
export const agentExtensionPageSchema = page(agentExtensionSchema);
export const extensionSetSchema = z.object({ id: z.number(), extension: z.string().nullable() });

export const presenceSchema = z.object({
  userId: z.number(),
  state: z.enum(AGENT_STATES),
  reason: z.string().nullable(),
  /** null until the agent first signs in. */
  since: nullableTime,
  currentCallId: z.number().nullable(),
  version: z.number().nullable(),
});
export type Presence = z.infer<typeof presenceSchema>;

export const callQueueSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  strategy: z.enum(ROUTING_STRATEGIES),
  skills: z.array(z.string()),
  memberIds: z.array(z.number()),
  version: z.number(),
});
export type CallQueue = z.infer<typeof callQueueSchema>;
export const callQueuePageSchema = page(callQueueSchema);

export const wallboardSchema = z.object({
  projectId: z.number(),
  at: isoTime,
  queues: z.array(
    z.object({ name: z.string().nullable(), waiting: z.number(), longestWaitSeconds: z.number() }),
  ),
  /** All queues together: calls waiting now and the longest of their waits. */
  waiting: z.number(),
  longestWaitSeconds: z.number(),
  /** Every seat of the team; one who never signed in is 离线 with sinceSeconds null. */
  agents: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      state: z.enum(AGENT_STATES),
      reason: z.string().nullable(),
      sinceSeconds: z.number().nullable(),
      currentCallId: z.number().nullable(),
    }),
  ),
  agentCounts: z.object({ 通话中: z.number(), 在线: z.number(), 小休: z.number(), 离线: z.number() }),
  /** The open ticket backlog of the project. */
  tickets: z.object({
    open: z.number(),
    unassigned: z.number(),
    slaAtRisk: z.number(),
    slaBreached: z.number(),
  }),
  today: z.object({
    answered: z.number(),
    abandoned: z.number(),
    answeredWithinTarget: z.number(),
    answeredWithinTargetRate: z.number().nullable(),
    targetSeconds: z.number(),
    targetRings: z.number(),
    callbacksPending: z.number(),
    perAgent: z.array(
      z.object({
        agentId: z.number().nullable(),
        name: z.string().nullable(),
        answered: z.number(),
        talkSeconds: z.number(),
      }),
    ),
  }),
});
export type Wallboard = z.infer<typeof wallboardSchema>;
