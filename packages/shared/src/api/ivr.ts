import { z } from 'zod';
import { TICKET_TYPES } from '../tickets';
import { isoTime } from './common';

/**
 * A project's IVR flow `{ start, nodes }`. The server checks every node against the flow grammar
 * (ivr/rules/flow.ts) when it is saved; here each node is passed through as saved.
 */
export const ivrFlowSchema = z.object({
  language: z.enum(['zh-CN', 'en']).optional(),
  start: z.string(),
  nodes: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export const ivrFlowDocumentSchema = z.object({
  projectId: z.number(),
  flow: ivrFlowSchema,
  version: z.number(),
  updatedAt: isoTime,
});

/** What the PBX bridge does next: speak (and play audio when the server has TTS), then gather, record, transfer or hang up. */
export const ivrReplySchema = z.object({
  node: z.string(),
  say: z.string().optional(),
  /** The prompt as audio (signed link) when the server has a TTS engine. */
  audioUrl: z.string().optional(),
  gather: z.object({ maxDigits: z.number(), timeoutSec: z.number() }).optional(),
  record: z.object({ maxSeconds: z.number() }).optional(),
  transfer: z.object({ queue: z.string(), skill: z.string().optional() }).optional(),
  hangup: z.literal(true).optional(),
});
export type IvrReply = z.infer<typeof ivrReplySchema>;

export const FLOW_ERROR_CODES = [
  'invalid',
  'unknown_node_type',
  'missing_target',
  'unknown_node',
  'unknown_start',
  'unreachable_node',
  'no_exit',
  'empty_menu',
] as const;
export const flowErrorSchema = z.object({
  code: z.enum(FLOW_ERROR_CODES),
  node: z.string().optional(),
  path: z.string(),
  message: z.string(),
});
export type FlowError = z.infer<typeof flowErrorSchema>;
export const flowValidationSchema = z.object({ valid: z.boolean(), errors: z.array(flowErrorSchema) });

/** Where a call is in its flow, kept between steps. */
export const ivrStateSchema = z.object({
  node: z.string(),
  awaiting: z.boolean(),
  retries: z.number(),
  intent: z.enum(TICKET_TYPES).nullable(),
  recordingUrl: z.string().nullable(),
  done: z.boolean(),
});
/** The console's simulator: the reply, the state to send back, and the tickets the call would create. */
export const ivrSimulationSchema = z.object({
  reply: ivrReplySchema,
  state: ivrStateSchema,
  tickets: z.array(
    z.object({ type: z.enum(TICKET_TYPES), description: z.string(), recordingUrl: z.string().nullable() }),
  ),
});
