/** GET /api/home/today: the role home pages' figures for one project's day (its time zone). */
import { z } from 'zod';
import { TICKET_CHANNELS } from '../tickets';
import { isoTime } from './common';

export const homeTodaySchema = z.object({
  projectId: z.number(),
  dayStart: isoTime,
  at: isoTime,
  /** Tickets logged today per intake channel. */
  intake: z.array(z.object({ channel: z.enum(TICKET_CHANNELS), count: z.number() })),
  /** 接通率: inbound calls answered of those offered today; rate null when none came in. */
  calls: z.object({ inbound: z.number(), answered: z.number(), rate: z.number().nullable() }),
  /** Tickets resolved or closed today, and how many of them without a breached SLA clock. */
  onTime: z.object({ finished: z.number(), onTime: z.number(), rate: z.number().nullable() }),
  /** Callback rounds due today, and how many were completed by their due time. */
  callbacks: z.object({ due: z.number(), doneOnTime: z.number(), rate: z.number().nullable() }),
  /** Callbacks completed today: reached residents, the satisfied ones, the average overall score. */
  satisfaction: z.object({
    reached: z.number(),
    satisfied: z.number(),
    rate: z.number().nullable(),
    averageScore: z.number().nullable(),
  }),
  open: z.object({
    tickets: z.number(),
    complaints: z.number(),
    warning: z.number(),
    breached: z.number(),
    /** Open tickets the resident has chased (催单, Q44). */
    urged: z.number(),
  }),
});
export type HomeToday = z.infer<typeof homeTodaySchema>;
