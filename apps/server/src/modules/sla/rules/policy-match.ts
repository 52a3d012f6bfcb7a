import type { CallbackPolicy, TicketPriority, TicketType } from '../../tickets/rules/ticket-kinds';
import { type BusinessCalendar, CALENDAR_24X7, standardDayMinutes } from './business-calendar';

export const CLOCK_KINDS = ['respond', 'dispatch', 'arrive', 'resolve', 'reply', 'callback'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** One clock's target. Business days convert through the project's standard day, so they follow its hours. */
export type SlaTarget = {
  /** 'business' = the project's calendar; '24x7' = wall time. */
  calendar: 'business' | '24x7';
  /** When the ticket carries an agreed appointment, the appointment is the deadline instead (Q32, Q34). */
  appointmentOverrides?: boolean;
} & ({ minutes: number; businessDays?: undefined } | { businessDays: number; minutes?: undefined });

/** A policy row. A null field matches anything. */
export interface SlaPolicy {
  id: number;
  projectId: number | null;
  ticketType: TicketType | null;
  /** Any level of the category tree; matches when it is on the ticket's category path. */
  categoryId: number | null;
  priority: TicketPriority | null;
  targets: Partial<Record<ClockKind, SlaTarget>>;
  callbackPolicy?: CallbackPolicy;
}

export interface PolicySubject {
  projectId: number;
  ticketType: TicketType;
  /** [level1, level2, level3] ids, root first; shorter when the ticket is classified less deeply. */
  categoryPath: readonly number[];
  priority: TicketPriority;
}

/**
 * Specificity of a matching policy, compared left to right (null = does not match):
 * [project given, category depth 0–3, type given, priority given].
 * Why this order: a project override is a local agreement and beats any product-wide rule; a deep
 * category ("水电 › 漏水 › 爆管") describes the job better than the ticket type; priority comes last
 * because it mostly picks between variants of the same job.
 */
export function specificity(
  policy: SlaPolicy,
  subject: PolicySubject,
): [number, number, number, number] | null {
  if (policy.projectId !== null && policy.projectId !== subject.projectId) return null;
  if (policy.ticketType !== null && policy.ticketType !== subject.ticketType) return null;
  if (policy.priority !== null && policy.priority !== subject.priority) return null;
  let depth = 0;
  if (policy.categoryId !== null) {
    depth = subject.categoryPath.indexOf(policy.categoryId) + 1;
    if (depth === 0) return null;
  }
  return [
    policy.projectId === null ? 0 : 1,
    depth,
    policy.ticketType === null ? 0 : 1,
    policy.priority === null ? 0 : 1,
  ];
}

interface Ranked {
  policy: SlaPolicy;
  key: [number, number, number, number];
  isDefault: boolean;
}

/** Most specific first; at equal specificity a configured policy beats a product default, then lower id. */
function compareRanked(a: Ranked, b: Ranked): number {
  for (let i = 0; i < 4; i++) {
    const diff = (b.key[i] ?? 0) - (a.key[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (a.isDefault !== b.isDefault) return a.isDefault ? 1 : -1;
  return a.policy.id - b.policy.id;
}

function rank(policies: readonly SlaPolicy[], subject: PolicySubject, isDefault: boolean): Ranked[] {
  const ranked: Ranked[] = [];
  for (const policy of policies) {
    const key = specificity(policy, subject);
    if (key) ranked.push({ policy, key, isDefault });
  }
  return ranked;
}

/** The single most specific matching policy (ties: lower id), or null. */
export function matchPolicy(policies: readonly SlaPolicy[], subject: PolicySubject): SlaPolicy | null {
  return rank(policies, subject, false).sort(compareRanked)[0]?.policy ?? null;
}

export interface ResolvedTargets {
  targets: Partial<Record<ClockKind, { target: SlaTarget; policyId: number }>>;
  callbackPolicy: CallbackPolicy;
}

/**
 * Targets per clock: each clock takes the most specific matching policy that sets it, so a project
 * policy that only tightens "arrive" still inherits "callback" from the defaults.
 */
export function resolveTargets(
  policies: readonly SlaPolicy[],
  subject: PolicySubject,
  defaults: readonly SlaPolicy[] = DEFAULT_POLICIES,
): ResolvedTargets {
  const ranked = [...rank(policies, subject, false), ...rank(defaults, subject, true)].sort(compareRanked);
  const targets: ResolvedTargets['targets'] = {};
  for (const kind of CLOCK_KINDS) {
    const hit = ranked.find((r) => r.policy.targets[kind]);
    const target = hit?.policy.targets[kind];
    if (hit && target) targets[kind] = { target, policyId: hit.policy.id };
  }
  const callbackPolicy = ranked.find((r) => r.policy.callbackPolicy)?.policy.callbackPolicy ?? 'required';
  return { targets, callbackPolicy };
}

/** Calendar and minutes to feed computeSlaClock for a target, given the project's business calendar. */
export function clockParams(
  target: SlaTarget,
  projectCalendar: BusinessCalendar,
): { calendar: BusinessCalendar; targetMinutes: number } {
  const calendar = target.calendar === '24x7' ? CALENDAR_24X7 : projectCalendar;
  const targetMinutes =
    target.minutes !== undefined ? target.minutes : (target.businessDays ?? 0) * standardDayMinutes(calendar);
  return { calendar, targetMinutes };
}

/**
 * Product defaults from the seeds (negative ids keep them apart from database rows). They rank with
 * configured policies by specificity but lose ties to them, so any company or project rule of the
 * same shape overrides them.
 */
export const DEFAULT_POLICIES: readonly SlaPolicy[] = Object.freeze([
  {
    // Every ticket: callback within 48 h of completion (Q37) and only a satisfied callback closes (Q39).
    id: -4,
    projectId: null,
    ticketType: null,
    categoryId: null,
    priority: null,
    targets: { callback: { minutes: 48 * 60, calendar: '24x7' } },
    callbackPolicy: 'required',
  },
  {
    // Ordinary repairs: on site within 30 min (Q33), done within 1 business day (Q32); an agreed
    // appointment replaces both (Q32 "预约除外", Q34).
    id: -3,
    projectId: null,
    ticketType: '报修',
    categoryId: null,
    priority: null,
    targets: {
      arrive: { minutes: 30, calendar: 'business', appointmentOverrides: true },
      resolve: { businessDays: 1, calendar: 'business', appointmentOverrides: true },
    },
  },
  {
    // Urgent repairs (急): on site within 15 min and fixed within 6 h, round the clock (Q31, Q33; Q30 24/7).
    id: -2,
    projectId: null,
    ticketType: '报修',
    categoryId: null,
    priority: '急',
    targets: { arrive: { minutes: 15, calendar: '24x7' }, resolve: { minutes: 6 * 60, calendar: '24x7' } },
  },
  {
    // Complaints: 100% replied within 4 working days (Q50; Q51's same-day reply is a stricter project option).
    id: -1,
    projectId: null,
    ticketType: '投诉',
    categoryId: null,
    priority: null,
    targets: { reply: { businessDays: 4, calendar: 'business' } },
  },
] satisfies SlaPolicy[]);
