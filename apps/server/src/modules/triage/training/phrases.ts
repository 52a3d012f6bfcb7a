import type { LeafPool } from './leaf-pool';
import { HOME_POOLS } from './phrases-home';
import { PUBLIC_POOLS } from './phrases-public';
import { PUBLIC_MORE_POOLS } from './phrases-public-more';
import { SERVICE_POOLS } from './phrases-service';

/**
 * Hand-written phrase pools for every leaf of the seeded category tree (tickets/category-seed.ts),
 * in the words residents use: spoken, short, with the usual typos and dialect. `urgent` phrases are
 * life-safety or property-damage situations (the ground truth for urgency); `calm` ones name the
 * same problem without danger, some of them explicitly denying it (没有燃气味), so the rules' negation
 * is trained against. Placeholders: {房} a room, {楼} a building, {时} a time.
 */

export type { LeafPool } from './leaf-pool';

export const LEAF_POOLS: LeafPool[] = [
  ...HOME_POOLS,
  ...PUBLIC_POOLS,
  ...PUBLIC_MORE_POOLS,
  ...SERVICE_POOLS,
];
