import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFlow } from './default-flow';
import { type IvrFlow, targetsOf } from './flow';
import { type FlowErrorCode, validateFlow } from './validate-flow';

const bye = { type: 'hangup' };
const codes = (input: unknown) => {
  const r = validateFlow(input);
  return r.ok ? [] : r.errors.map((e) => [e.code, e.node ?? null]);
};

describe('validateFlow', () => {
  it('accepts the seeded default flow', () => {
    expect(validateFlow(defaultFlow('锦绣花园')).ok).toBe(true);
  });

  it.each<[string, unknown, [FlowErrorCode, string | null][]]>([
    ['not an object', 'hello', [['invalid', null]]],
    ['no nodes', { start: 'a' }, [['invalid', null]]],
    ['unknown node type', { start: 'a', nodes: { a: { type: 'dance' } } }, [['unknown_node_type', 'a']]],
    [
      'say without next',
      { start: 'a', nodes: { a: { type: 'say', text: '您好' } } },
      [['missing_target', 'a']],
    ],
    [
      'hours without closed',
      { start: 'h', nodes: { h: { type: 'hours', open: 'b' }, b: bye } },
      [['missing_target', 'h']],
    ],
    [
      'target naming no node',
      { start: 'a', nodes: { a: { type: 'say', text: '您好', next: 'nowhere' } } },
      [['unknown_node', 'a']],
    ],
    [
      'menu option naming no node',
      { start: 'm', nodes: { m: { type: 'menu', prompt: '请按键', options: { '1': 'x' } } } },
      [['unknown_node', 'm']],
    ],
    ['start naming no node', { start: 'zz', nodes: { a: bye } }, [['unknown_start', null]]],
    [
      'menu without options',
      { start: 'm', nodes: { m: { type: 'menu', prompt: '请按键', options: {} } } },
      [['empty_menu', 'm']],
    ],
    [
      'bad menu key',
      { start: 'm', nodes: { m: { type: 'menu', prompt: '请按键', options: { '12': 'b' } }, b: bye } },
      [['invalid', 'm']],
    ],
    [
      'unreachable node',
      { start: 'a', nodes: { a: bye, orphan: { type: 'say', text: '孤立', next: 'a' } } },
      [['unreachable_node', 'orphan']],
    ],
    [
      'loop without exit',
      {
        start: 'a',
        nodes: {
          a: { type: 'say', text: '一', next: 'b' },
          b: { type: 'say', text: '二', next: 'a' },
        },
      },
      [
        ['no_exit', 'a'],
        ['no_exit', 'b'],
      ],
    ],
    [
      'menu loop whose only way out is retries running out',
      {
        start: 'm',
        nodes: {
          m: { type: 'menu', prompt: '请按键', options: { '1': 's' } },
          s: { type: 'say', text: '再来', next: 'm' },
        },
      },
      [],
    ],
    [
      'menu loop with onFail back into the loop has no exit',
      {
        start: 'm',
        nodes: {
          m: { type: 'menu', prompt: '请按键', options: { '1': 's' }, onFail: 's' },
          s: { type: 'say', text: '再来', next: 'm' },
        },
      },
      [
        ['no_exit', 'm'],
        ['no_exit', 's'],
      ],
    ],
    [
      'a loop with an exit is fine',
      {
        start: 'h',
        nodes: {
          h: { type: 'hours', open: 's', closed: 'bye' },
          s: { type: 'say', text: '请稍候', next: 'h' },
          bye,
        },
      },
      [],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('explains errors with the node and the path', () => {
    const r = validateFlow({ start: 'a', nodes: { a: { type: 'say', text: '您好', next: 'nowhere' } } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        path: 'nodes.a.next',
        message: expect.stringContaining('nowhere'),
      });
  });

  // Random graphs of say/menu/hangup nodes: whatever the validator accepts is safe to run.
  const graph = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('say' as const), next: fc.nat(n - 1) }),
        fc.record({ type: fc.constant('hangup' as const) }),
        fc.record({
          type: fc.constant('menu' as const),
          options: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
          onFail: fc.option(fc.nat(n - 1), { nil: undefined }),
        }),
      ),
      { minLength: n, maxLength: n },
    ),
  );
  const toFlow = (nodes: ReturnType<typeof graph.generate>['value']): IvrFlow => ({
    start: 'n0',
    nodes: Object.fromEntries(
      nodes.map((node, i) => {
        const id = `n${i}`;
        if (node.type === 'say') return [id, { type: 'say', text: '提示', next: `n${node.next}` }];
        if (node.type === 'hangup') return [id, { type: 'hangup' }];
        return [
          id,
          {
            type: 'menu',
            prompt: '请按键',
            options: Object.fromEntries(node.options.map((t, k) => [String(k + 1), `n${t}`])),
            retries: 2,
            timeoutSec: 5,
            ...(node.onFail !== undefined ? { onFail: `n${node.onFail}` } : {}),
          },
        ];
      }),
    ),
  });

  it('accepted flows reach every node and can always end', () => {
    fc.assert(
      fc.property(graph, (nodes) => {
        const flow = toFlow(nodes);
        const r = validateFlow(flow);
        if (!r.ok) {
          expect(r.errors.every((e) => e.code === 'unreachable_node' || e.code === 'no_exit')).toBe(true);
          return;
        }
        // Every node can be reached from the start…
        const seen = new Set([flow.start]);
        const stack = [flow.start];
        while (stack.length)
          for (const t of targetsOf(flow.nodes[stack.pop()!]!))
            if (!seen.has(t.target)) {
              seen.add(t.target);
              stack.push(t.target);
            }
        expect(seen.size).toBe(Object.keys(flow.nodes).length);
        // …and following say nodes alone never cycles forever.
        for (const id of Object.keys(flow.nodes)) {
          let at = id;
          for (let i = 0; i <= nodes.length && flow.nodes[at]!.type === 'say'; i++)
            at = (flow.nodes[at] as { next: string }).next;
          expect(flow.nodes[at]!.type).not.toBe('say');
        }
      }),
    );
  });

  it('an extra node nobody points at is always reported unreachable', () => {
    fc.assert(
      fc.property(graph, (nodes) => {
        const flow = toFlow(nodes);
        flow.nodes.extra = { type: 'hangup' };
        const r = validateFlow(flow);
        expect(r.ok).toBe(false);
        if (!r.ok)
          expect(r.errors).toContainEqual(
            expect.objectContaining({ code: 'unreachable_node', node: 'extra' }),
          );
      }),
    );
  });
});
