import { TICKET_TYPES } from '@guanjia/shared';
import { z } from 'zod';

/**
 * The IVR flow language: a JSON document `{ start, nodes }` where each node is one of eight types and
 * names the nodes it continues to. Stored per project; validated by validateFlow before it is saved.
 */
const nodeId = z.string().min(1).max(40);
const text = z.string().trim().min(1).max(500);
const intent = z.enum(TICKET_TYPES);

const sayNode = z.object({ type: z.literal('say'), text, next: nodeId });
const menuOption = z.union([nodeId, z.object({ next: nodeId, intent: intent.optional() })]);
const menuNode = z.object({
  type: z.literal('menu'),
  prompt: text,
  /** Digit (0–9, * or #) → the node it leads to; an option may also record the caller's intent. */
  options: z.record(z.string().regex(/^[0-9*#]$/, 'a single key: 0–9, * or #'), menuOption),
  /** Re-prompts after a wrong key or silence before giving up. */
  retries: z.number().int().min(0).max(5).default(2),
  timeoutSec: z.number().int().min(1).max(30).default(5),
  /** Where a caller goes after the last retry; without it the call ends politely. */
  onFail: nodeId.optional(),
});
const hoursNode = z.object({ type: z.literal('hours'), open: nodeId, closed: nodeId });
const lookupNode = z.object({
  type: z.literal('lookup'),
  /** caller: the latest ticket of the calling number; ticketNumber: the caller keys in 日期+序号. */
  by: z.enum(['caller', 'ticketNumber']),
  prompt: text.optional(),
  next: nodeId,
});
const recordNode = z.object({
  type: z.literal('record'),
  prompt: text,
  maxSeconds: z.number().int().min(5).max(600).default(120),
  /** The ticket type this message is about, unless a menu option already chose one. */
  intent: intent.optional(),
  next: nodeId,
});
const transferNode = z.object({
  type: z.literal('transfer'),
  queue: z.string().trim().min(1).max(60),
  skill: z.string().trim().min(1).max(40).optional(),
  text: text.optional(),
});
const ticketNode = z.object({
  type: z.literal('ticket'),
  /** Falls back to the intent chosen in a menu or record node, else 咨询. */
  ticketType: intent.optional(),
  description: z.string().trim().max(500).optional(),
  next: nodeId,
});
const hangupNode = z.object({ type: z.literal('hangup'), text: text.optional() });

export const NODE_TYPES = [
  'say',
  'menu',
  'hours',
  'lookup',
  'record',
  'transfer',
  'ticket',
  'hangup',
] as const;

export const ivrNode = z.discriminatedUnion('type', [
  sayNode,
  menuNode,
  hoursNode,
  lookupNode,
  recordNode,
  transferNode,
  ticketNode,
  hangupNode,
]);
export type IvrNode = z.infer<typeof ivrNode>;

export const ivrFlow = z.object({
  /** The language the prompts are spoken in (the TTS voice); Chinese when absent. */
  language: z.enum(['zh-CN', 'en']).optional(),
  start: nodeId,
  nodes: z.record(nodeId, ivrNode),
});
export type IvrFlow = z.infer<typeof ivrFlow>;

export const isTerminal = (node: IvrNode) => node.type === 'transfer' || node.type === 'hangup';

/** The nodes a node can continue to, with the field that names each. */
export function targetsOf(node: IvrNode): { field: string; target: string }[] {
  switch (node.type) {
    case 'say':
    case 'lookup':
    case 'record':
    case 'ticket':
      return [{ field: 'next', target: node.next }];
    case 'hours':
      return [
        { field: 'open', target: node.open },
        { field: 'closed', target: node.closed },
      ];
    case 'menu':
      return [
        ...Object.entries(node.options).map(([digit, o]) => ({
          field: `options.${digit}`,
          target: typeof o === 'string' ? o : o.next,
        })),
        ...(node.onFail ? [{ field: 'onFail', target: node.onFail }] : []),
      ];
    case 'transfer':
    case 'hangup':
      return [];
  }
}
