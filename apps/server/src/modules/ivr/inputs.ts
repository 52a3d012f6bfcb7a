import { z } from 'zod';
import { webUrl } from '../telephony/inputs';
import { ivrState } from './rules/interpret';

/** One step of the PBX bridge: the call, the caller, and what the caller just did. */
export const stepInput = z.object({
  callId: z.string().trim().min(1).max(120),
  from: z.string().trim().min(1).max(40),
  /** Keys pressed for a gather; empty or absent = timeout. */
  input: z.string().trim().max(32).nullish(),
  recordingUrl: webUrl.nullish(),
});
export type StepInput = z.infer<typeof stepInput>;

export const projectParam = z.object({ projectId: z.coerce.number().int().positive() });

/** The flow document is checked by validateFlow (clear per-node errors), not by this schema. */
export const flowPut = z.object({ flow: z.unknown(), version: z.number().int().positive() });

export const validateBody = z.object({ flow: z.unknown() });

/** The console simulator: stateless, the browser sends back the state it was given. */
export const simulateBody = z.object({
  /** A draft to try before saving; the saved flow when absent. */
  flow: z.unknown().optional(),
  state: ivrState.nullish(),
  from: z.string().trim().min(1).max(40).default('13800000000'),
  input: z.string().trim().max(32).nullish(),
  recordingUrl: webUrl.nullish(),
  /** Try either branch of an hours node whatever the time. */
  hours: z.enum(['auto', 'open', 'closed']).default('auto'),
});

export const audioParams = z.object({ file: z.string().max(80) });
export const audioQuery = z.object({
  exp: z.coerce.number().int(),
  sig: z.string().max(128),
});
