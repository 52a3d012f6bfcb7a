import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';
import { CALL_EVENT_KINDS } from './rules/call-state';
import { CALL_DIRECTIONS, CALL_STATES, ROUTING_STRATEGIES } from './schema';

const number = z.string().trim().min(1).max(40);

/** Links the console renders (recordings): http(s) only, never javascript: or data: URLs. */
export const webUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** The vendor-neutral PBX webhook (generic CTI contract: newCall / answer / hangup). */
export const callEventInput = z.object({
  event: z.enum(CALL_EVENT_KINDS),
  callId: z.string().trim().min(1).max(120),
  direction: z.enum(CALL_DIRECTIONS),
  from: number,
  to: number,
  /** The agent's extension. */
  agent: z.string().trim().min(1).max(40).nullish(),
  queue: z.string().trim().min(1).max(60).nullish(),
  recordingUrl: webUrl.nullish(),
  cause: z.string().trim().max(120).nullish(),
  /** The call's speech-to-text, usually sent with hangup. */
  transcript: z.string().trim().max(50_000).nullish(),
  /** When the PBX saw the event; defaults to when Guanjia received it. */
  at: z.iso.datetime({ offset: true }).nullish(),
});
export type CallEventInput = z.infer<typeof callEventInput>;

export const tokenQuery = z.object({ token: z.string().min(1).max(200).optional() });

export const lookupQuery = z.object({
  number,
  /** Completes local numbers with this project's area code and narrows the search to it. */
  projectId: z.coerce.number().int().positive().optional(),
});

export const callListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  state: z.enum(CALL_STATES).optional(),
  /** pending = the callback list: missed inbound calls nobody has called back yet. */
  callback: z.enum(['pending', 'done']).optional(),
  agentId: z.coerce.number().int().positive().optional(),
  number: number.optional(),
});
export type CallListQuery = z.infer<typeof callListQuery>;

export const linkTicketInput = z.object({ ticketId: z.number().int().positive() });

export const dialInput = z.object({
  projectId: z.number().int().positive(),
  number,
  /** The ticket or missed call this call is about: linked to the new call. */
  ticketId: z.number().int().positive().nullish(),
});
export type DialInput = z.infer<typeof dialInput>;

export const projectQuery = z.object({ projectId: z.coerce.number().int().positive() });

export const configInput = z.object({
  projectId: z.number().int().positive(),
  /** Where click-to-call posts {callId, from, to}; null turns click-to-call off. */
  dialUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable(),
  /** Omit when the project has no configuration yet. */
  version: z.number().int().positive().optional(),
});

export const blockedInput = z.object({
  projectId: z.number().int().positive(),
  number,
  reason: z.string().trim().max(200).nullish(),
});

export const blockedListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
});

export const extensionInput = z.object({
  extension: z
    .string()
    .trim()
    .regex(/^\d{2,8}$/)
    .nullable(),
});

export const extensionListQuery = pageQuery;

export const presenceInput = z
  .object({
    state: z.enum(['在线', '小休', '离线']),
    reason: z.string().trim().min(1).max(60).nullish(),
  })
  .refine((v) => v.state !== '小休' || v.reason, { message: 'a break needs a reason', path: ['reason'] });

export const queueInput = z.object({
  projectId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
  strategy: z.enum(ROUTING_STRATEGIES).default('longest-idle'),
  skills: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  /** Empty: every agent of the project may take the queue's calls. */
  memberIds: z.array(z.number().int().positive()).max(200).default([]),
});
export const queuePatch = patchOf(queueInput.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
});
export const queueListQuery = pageQuery.extend({ projectId: z.coerce.number().int().positive().optional() });

/** The PBX asks which agent should take a call waiting in a queue. */
export const routeInput = z.object({
  callId: z.string().trim().min(1).max(120),
  queue: z.string().trim().min(1).max(60),
});

export const wallboardQuery = z.object({ projectId: z.coerce.number().int().positive() });
