import { z } from 'zod';

const term = z.string().trim().min(2).max(20);

/** 同义词组: the words that mean the same thing in a resident's or an agent's search. */
export const synonymGroupInput = z.object({ terms: z.array(term).min(2).max(20) });
export type SynonymGroupInput = z.infer<typeof synonymGroupInput>;

export const synonymGroupPatch = synonymGroupInput.extend({ version: z.number().int().positive() });
export type SynonymGroupPatch = z.infer<typeof synonymGroupPatch>;
