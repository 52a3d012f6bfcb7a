import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';
import { tickets } from '../tickets/schema';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
/** ringing → answered → ended; an outbound call starts as dialing until the PBX reports it. */
export const CALL_STATES = ['dialing', 'ringing', 'answered', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];
/** A missed inbound call waits on the callback list until someone calls the number back. */
export const CALLBACK_STATES = ['pending', 'done'] as const;
export type CallCallbackState = (typeof CALLBACK_STATES)[number];

/**
 * The PBX link of one project: the webhook secret (stored as its SHA-256, shown once at rotation) and
 * the outgoing webhook that asks the PBX to dial.
 */
export const telephonyConfigs = pgTable(
  'telephony_configs',
  {
    projectId: ref('project_id')
      .primaryKey()
      .references(() => projects.id),
    companyId: ref('company_id').notNull(),
    tokenHash: text('token_hash'),
    dialUrl: text('dial_url'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('telephony_configs_token_uq').on(t.tokenHash)],
);

/** Numbers the PBX is told to reject (harassment, robocalls). */
export const blockedNumbers = pgTable(
  'telephony_blocked_numbers',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    e164: text('e164').notNull(),
    reason: text('reason'),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('telephony_blocked_project_e164_uq').on(t.projectId, t.e164)],
);

/** Which staff member sits at which PBX extension (per company: one PBX serves several projects). */
export const agentExtensions = pgTable(
  'telephony_extensions',
  {
    companyId: ref('company_id').notNull(),
    extension: text('extension').notNull(),
    userId: ref('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.extension] }),
    uniqueIndex('telephony_extensions_user_uq').on(t.userId),
  ],
);

export const calls = pgTable(
  'calls',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    /** The PBX's call id: unique per project, the key of webhook idempotency. */
    externalId: text('external_id').notNull(),
    direction: text('direction').$type<CallDirection>().notNull(),
    state: text('state').$type<CallState>().notNull(),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    /** The resident's side in +86 form (caller of an inbound call, callee of an outbound one). */
    partyE164: text('party_e164'),
    agentExtension: text('agent_extension'),
    agentId: ref('agent_id'),
    queue: text('queue'),
    startedAt: at('started_at').notNull(),
    answeredAt: at('answered_at'),
    endedAt: at('ended_at'),
    waitSeconds: integer('wait_seconds'),
    talkSeconds: integer('talk_seconds'),
    recordingUrl: text('recording_url'),
    /** Speech-to-text of the call when the PBX provides one (hangup event); checked for forbidden phrases. */
    transcript: text('transcript'),
    cause: text('cause'),
    callbackState: text('callback_state').$type<CallCallbackState>(),
    /** A voicemail left after hours is called back by this time (the next working morning). */
    callbackDueAt: at('callback_due_at'),
    /** The outbound call that settled this missed call. */
    calledBackById: ref('called_back_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('calls_project_external_uq').on(t.projectId, t.externalId),
    index('calls_project_started_idx').on(t.projectId, t.startedAt, t.id),
    index('calls_party_idx').on(t.partyE164, t.startedAt),
    index('calls_callback_idx')
      .on(t.projectId, t.callbackState, t.startedAt)
      .where(sql`${t.callbackState} = 'pending'`),
    index('calls_agent_idx').on(t.agentId, t.startedAt),
  ],
);

/** Each (call, event) is applied once: a PBX retrying a webhook changes nothing. */
export const callEvents = pgTable(
  'call_events',
  {
    callId: ref('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    receivedAt: at('received_at').notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.event] })],
);

/** A call may raise several tickets and a ticket may be discussed in several calls. */
export const callTickets = pgTable(
  'call_tickets',
  {
    callId: ref('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.ticketId] }), index('call_tickets_ticket_idx').on(t.ticketId)],
);

/** 在线 ready · 小休 on a break (with reason) · 通话中 on a call · 离线 signed off. */
export const AGENT_STATES = ['在线', '小休', '通话中', '离线'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const ROUTING_STRATEGIES = ['longest-idle', 'round-robin', 'skill'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** One row per agent who ever signed in to the phone; the PBX's answer/hangup keep 通话中 in step. */
export const agentPresence = pgTable(
  'agent_presence',
  {
    userId: ref('user_id').primaryKey(),
    companyId: ref('company_id').notNull(),
    state: text('state').$type<AgentState>().notNull(),
    reason: text('reason'),
    since: at('since').notNull(),
    /** Longest-idle routing: ready since the last call ended (or since signing in). */
    idleSince: at('idle_since'),
    currentCallId: ref('current_call_id'),
    version: version(),
  },
  (t) => [index('agent_presence_company_state_idx').on(t.companyId, t.state)],
);

/** A PBX queue (报修, 投诉建议, 咨询, 人工) of a project: who may take its calls and how one is chosen. */
export const callQueues = pgTable(
  'call_queues',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    strategy: text('strategy').$type<RoutingStrategy>().notNull().default('longest-idle'),
    /** Skill match: an agent needs every skill listed (users.skills). */
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    memberIds: bigint('member_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    /** Round-robin continues after this agent. */
    lastAssignedId: ref('last_assigned_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('call_queues_project_name_uq').on(t.projectId, t.name)],
);
