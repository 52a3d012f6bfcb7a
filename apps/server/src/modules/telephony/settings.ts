import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/** With callcenter.answerWithinRings (Q01: three rings) this gives the wallboard's answer target. */
export const RING_SECONDS = defineSetting({
  key: 'callcenter.ringSeconds',
  schema: z.number().int().min(2).max(10),
  defaultValue: 5,
  qid: 'Q01',
  description: 'Length of one ring in seconds: "answer within N rings" (Q01) is N × this many seconds',
});

/** Portal and e-mail tickets nobody owns wait in this queue and are handed out by its strategy. */
export const WEB_ITEMS_QUEUE = defineSetting({
  key: 'callcenter.webItemsQueue',
  schema: z.string().trim().min(1).max(50),
  defaultValue: '人工',
  description: 'Queue (by name) whose agents are offered portal and e-mail tickets waiting for an owner',
});
