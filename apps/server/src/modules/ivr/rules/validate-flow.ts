import { type IvrFlow, isTerminal, ivrFlow, NODE_TYPES, targetsOf } from './flow';

export type FlowErrorCode =
  | 'invalid'
  | 'unknown_node_type'
  | 'missing_target'
  | 'unknown_node'
  | 'unknown_start'
  | 'unreachable_node'
  | 'no_exit'
  | 'empty_menu';

export interface FlowError {
  code: FlowErrorCode;
  /** The node the error is about, when there is one. */
  node?: string;
  /** Dotted path inside the flow document. */
  path: string;
  message: string;
}

export type FlowCheck = { ok: true; flow: IvrFlow; errors: [] } | { ok: false; errors: FlowError[] };

const REQUIRED_TARGETS: Record<string, string[]> = {
  say: ['next'],
  lookup: ['next'],
  record: ['next'],
  ticket: ['next'],
  hours: ['open', 'closed'],
};

/**
 * Check a flow document and say exactly what is wrong, node by node: the shape (unknown node type,
 * a missing target field), the graph (a target or start naming no node, a node nothing leads to) and
 * termination (nodes from which no hangup or transfer can ever be reached: a loop without an exit).
 * Pure: the editor runs the same check over HTTP before saving.
 */
export function validateFlow(input: unknown): FlowCheck {
  const shapeErrors = shapeCheck(input);
  if (shapeErrors.length) return { ok: false, errors: shapeErrors };
  const flow = ivrFlow.parse(input);
  const errors: FlowError[] = [];
  const ids = Object.keys(flow.nodes);
  if (!flow.nodes[flow.start])
    errors.push({
      code: 'unknown_start',
      path: 'start',
      message: `The start node "${flow.start}" does not exist`,
    });
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type === 'menu' && Object.keys(node.options).length === 0)
      errors.push({
        code: 'empty_menu',
        node: id,
        path: `nodes.${id}.options`,
        message: `Menu "${id}" has no options`,
      });
    for (const { field, target } of targetsOf(node))
      if (!flow.nodes[target])
        errors.push({
          code: 'unknown_node',
          node: id,
          path: `nodes.${id}.${field}`,
          message: `"${id}".${field} leads to "${target}", which does not exist`,
        });
  }
  if (errors.length) return { ok: false, errors };

  const reachable = walk([flow.start], (id) => targetsOf(flow.nodes[id]!).map((t) => t.target));
  for (const id of ids)
    if (!reachable.has(id))
      errors.push({
        code: 'unreachable_node',
        node: id,
        path: `nodes.${id}`,
        message: `Nothing leads to "${id}" from the start node`,
      });
  // Backwards from every exit: a reachable node that cannot get to one would keep the caller forever.
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) for (const t of targetsOf(flow.nodes[id]!)) incoming.get(t.target)?.push(id);
  // A menu without onFail ends the call after its last retry: it is an exit of its own.
  const exits = ids.filter((id) => {
    const node = flow.nodes[id]!;
    return isTerminal(node) || (node.type === 'menu' && !node.onFail);
  });
  const canExit = walk(exits, (id) => incoming.get(id) ?? []);
  for (const id of ids)
    if (reachable.has(id) && !canExit.has(id))
      errors.push({
        code: 'no_exit',
        node: id,
        path: `nodes.${id}`,
        message: `From "${id}" the call can never reach a hangup or transfer (a loop without exit)`,
      });
  return errors.length ? { ok: false, errors } : { ok: true, flow, errors: [] };
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...from];
  while (stack.length) {
    const id = stack.pop()!;
    for (const n of next(id))
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
  }
  return seen;
}

/** Node-level shape errors with the node named, rather than zod's union noise. */
function shapeCheck(input: unknown): FlowError[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [{ code: 'invalid', path: '', message: 'A flow is an object {start, nodes}' }];
  const doc = input as { start?: unknown; nodes?: unknown };
  const errors: FlowError[] = [];
  if (typeof doc.start !== 'string' || !doc.start)
    errors.push({ code: 'invalid', path: 'start', message: 'start must name a node' });
  if (typeof doc.nodes !== 'object' || doc.nodes === null || Array.isArray(doc.nodes))
    return [...errors, { code: 'invalid', path: 'nodes', message: 'nodes must be an object of id → node' }];
  for (const [id, raw] of Object.entries(doc.nodes as Record<string, unknown>)) {
    const path = `nodes.${id}`;
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(NODE_TYPES as readonly string[]).includes(type)) {
      errors.push({
        code: 'unknown_node_type',
        node: id,
        path: `${path}.type`,
        message: `"${id}" has unknown type ${JSON.stringify(type)}; use one of ${NODE_TYPES.join(', ')}`,
      });
      continue;
    }
    const missing = (REQUIRED_TARGETS[type] ?? []).filter(
      (f) => typeof (raw as Record<string, unknown>)[f] !== 'string',
    );
    for (const field of missing)
      errors.push({
        code: 'missing_target',
        node: id,
        path: `${path}.${field}`,
        message: `"${id}" (${type}) needs "${field}": the node it continues to`,
      });
    if (missing.length) continue;
    const parsed = ivrFlow.shape.nodes.valueType.safeParse(raw);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push({
          code: 'invalid',
          node: id,
          path: [path, ...issue.path.map(String)].join('.'),
          message: issue.message,
        });
  }
  if (!errors.length) {
    const parsed = ivrFlow.safeParse(input);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push({ code: 'invalid', path: issue.path.map(String).join('.'), message: issue.message });
  }
  return errors;
}
