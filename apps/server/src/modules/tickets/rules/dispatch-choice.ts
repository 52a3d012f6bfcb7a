export interface TechnicianCandidate {
  id: number;
  onDuty: boolean;
  skills: readonly string[];
  /** Work orders the technician currently holds (not 已完成/已取消). */
  openCount: number;
  /** Open-order cap (HC 小区); null = no cap. */
  cap: number | null;
  lastAssignedAt: Date | null;
}

export type DispatchMode = 'round-robin' | 'least-load' | 'assign' | 'grab';

/** The modes in which the system picks the technician itself. */
export const isAutoMode = (mode: string): mode is 'round-robin' | 'least-load' =>
  mode === 'round-robin' || mode === 'least-load';
export type Ineligibility = 'missing-skill' | 'off-duty' | 'at-cap';

export interface DispatchRequest {
  candidates: readonly TechnicianCandidate[];
  /** null = any technician will do. */
  requiredSkill: string | null;
  mode: DispatchMode;
  /** 'assign': the technician a dispatcher picked; 'grab': the technician grabbing the order. */
  pickedId?: number | null;
}

/** Why a technician cannot take the order now; empty = eligible. */
export function ineligibility(c: TechnicianCandidate, requiredSkill: string | null): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (requiredSkill !== null && !c.skills.includes(requiredSkill)) reasons.push('missing-skill');
  if (!c.onDuty) reasons.push('off-duty');
  if (c.cap !== null && c.openCount >= c.cap) reasons.push('at-cap');
  return reasons;
}

export const isEligible = (c: TechnicianCandidate, requiredSkill: string | null) =>
  ineligibility(c, requiredSkill).length === 0;

/** Never assigned sorts first: a new technician joins the rotation at once. */
const lastAssigned = (c: TechnicianCandidate) => c.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;

const byRotation = (a: TechnicianCandidate, b: TechnicianCandidate) =>
  lastAssigned(a) - lastAssigned(b) || a.id - b.id;

/**
 * The technician to give the order to, or null. Automatic modes only ever pick eligible technicians
 * (on duty, under cap, with the skill), so a null means "nobody can take it now — leave it in 待派单".
 * Round-robin is stateless: "least recently assigned" rotates through the team without a cursor that
 * would need storing and would break when people go off duty.
 * 'assign' and 'grab' only confirm a person chosen by a human (dispatcher or grabbing technician).
 */
export function chooseTechnician(request: DispatchRequest): number | null {
  const { candidates, requiredSkill, mode } = request;
  if (mode === 'assign' || mode === 'grab') {
    const picked = candidates.find((c) => c.id === request.pickedId);
    return picked && isEligible(picked, requiredSkill) ? picked.id : null;
  }
  return autoOrder(request)[0]?.id ?? null;
}

/** Eligible technicians in the automatic mode's order of preference (chooseTechnician takes the first). */
export function autoOrder(request: DispatchRequest): TechnicianCandidate[] {
  const { candidates, requiredSkill, mode } = request;
  const eligible = candidates.filter((c) => isEligible(c, requiredSkill));
  const order =
    mode === 'round-robin'
      ? byRotation
      : (a: TechnicianCandidate, b: TechnicianCandidate) => a.openCount - b.openCount || byRotation(a, b);
  return eligible.sort(order);
}

/**
 * Who may take the order while the first choice is being given another order by a concurrent dispatch
 * (his row is locked): the first choice is then treated as one order busier and stamped just now. In
 * round-robin the next in rotation is exactly who comes after him; in least-load only someone no busier
 * than him plus that one order qualifies — otherwise the dispatch waits for him.
 */
export function fallbackOrder(request: DispatchRequest): TechnicianCandidate[] {
  const [first, ...rest] = autoOrder(request);
  if (!first) return [];
  if (request.mode === 'round-robin') return [first, ...rest];
  return [first, ...rest.filter((c) => c.openCount <= first.openCount + 1)];
}

export interface RankedCandidate {
  candidate: TechnicianCandidate;
  eligible: boolean;
  reasons: Ineligibility[];
}

/**
 * Order for the dispatcher's 'assign' list: people with the skill first, then those on duty, then
 * those under their cap, then the least loaded (and least recently assigned). Ineligible people stay in
 * the list with their reasons, because a dispatcher may call someone in.
 */
export function rankCandidates(
  candidates: readonly TechnicianCandidate[],
  requiredSkill: string | null,
): RankedCandidate[] {
  const flag = (r: RankedCandidate, reason: Ineligibility) => (r.reasons.includes(reason) ? 1 : 0);
  return candidates
    .map((candidate) => {
      const reasons = ineligibility(candidate, requiredSkill);
      return { candidate, eligible: reasons.length === 0, reasons };
    })
    .sort(
      (a, b) =>
        flag(a, 'missing-skill') - flag(b, 'missing-skill') ||
        flag(a, 'off-duty') - flag(b, 'off-duty') ||
        flag(a, 'at-cap') - flag(b, 'at-cap') ||
        a.candidate.openCount - b.candidate.openCount ||
        byRotation(a.candidate, b.candidate),
    );
}
