/**
 * A status machine as data: one rule per action, keyed by action name. Guards depend on the state
 * only, so the UI can list the allowed actions without knowing their parameters; `validate` checks
 * the parameters (a return reason, a different technician) once an action is actually attempted.
 */
export type MachineRules<S extends { status: string }, A extends { type: string }> = {
  [K in A['type']]: {
    from: readonly S['status'][];
    /** Why the action is unavailable in this state, or null. */
    guard?: (state: S) => string | null;
    /** What is wrong with the action's parameters, or null. */
    validate?: (state: S, action: Extract<A, { type: K }>) => string | null;
    apply: (state: S, action: Extract<A, { type: K }>) => S;
  };
};

export type TransitionResult<S, N extends string> =
  | { ok: true; next: S }
  | { ok: false; allowed: N[]; reason: string };

type AnyRule<S, A> = {
  from: readonly string[];
  guard?: (state: S) => string | null;
  validate?: (state: S, action: A) => string | null;
  apply: (state: S, action: A) => S;
};

function ruleFor<S extends { status: string }, A extends { type: string }>(
  rules: MachineRules<S, A>,
  name: A['type'],
): AnyRule<S, A> | undefined {
  // Each rule is typed for its own action; the caller only ever passes the action it was keyed by.
  return (rules as unknown as Record<string, AnyRule<S, A> | undefined>)[name];
}

export function allowedActions<S extends { status: string }, A extends { type: string }>(
  rules: MachineRules<S, A>,
  state: S,
): A['type'][] {
  return (Object.keys(rules) as A['type'][]).filter((name) => {
    const rule = ruleFor(rules, name);
    return rule?.from.includes(state.status) && !rule.guard?.(state);
  });
}

export function runTransition<S extends { status: string }, A extends { type: string }>(
  rules: MachineRules<S, A>,
  state: S,
  action: A,
): TransitionResult<S, A['type']> {
  const rule = ruleFor(rules, action.type);
  const allowed = allowedActions(rules, state);
  if (!rule) return { ok: false, allowed, reason: `unknown action "${action.type}"` };
  if (!rule.from.includes(state.status)) {
    return { ok: false, allowed, reason: `"${action.type}" is not possible from ${state.status}` };
  }
  const problem = rule.guard?.(state) ?? rule.validate?.(state, action);
  if (problem) return { ok: false, allowed, reason: problem };
  return { ok: true, next: rule.apply(state, action) };
}
