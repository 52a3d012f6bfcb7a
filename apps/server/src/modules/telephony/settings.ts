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
