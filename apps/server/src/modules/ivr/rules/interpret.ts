import type { TicketType } from '@guanjia/shared';
import { TICKET_TYPES } from '@guanjia/shared';
import { z } from 'zod';
import type { IvrFlow } from './flow';

/** Where a call is in its flow, kept server-side between step requests. */
export const ivrState = z.object({
  node: z.string().min(1).max(40),
  /** The current node already spoke and waits for the caller's keys or recording. */
  awaiting: z.boolean(),
  retries: z.number().int().min(0),
  intent: z.enum(TICKET_TYPES).nullable(),
  recordingUrl: z.string().max(2000).nullable(),
  done: z.boolean(),
});
export type IvrState = z.infer<typeof ivrState>;

/** What the PBX bridge does next: speak, then gather keys, record, transfer or hang up. */
export interface IvrReply {
  node: string;
  say?: string;
  gather?: { maxDigits: number; timeoutSec: number };
  record?: { maxSeconds: number };
  transfer?: { queue: string; skill?: string };
  hangup?: true;
}

/** The side effects a flow may have; the HTTP step and the console simulator provide their own. */
export interface IvrEnv {
  isOpen(): Promise<boolean>;
  /** A sentence about the caller's latest ticket, or the ticket with the keyed-in number. */
  lookup(by: 'caller' | 'ticketNumber', digits: string | null): Promise<string>;
  /** Create the ticket; returns nothing to say (the flow's next node says it). */
  createTicket(args: {
    node: string;
    type: TicketType;
    description: string;
    recordingUrl: string | null;
  }): Promise<void>;
}

/** A flow the validator accepted cannot loop without input, but a stored one is never trusted blindly. */
const MAX_NODES_PER_STEP = 50;
const TICKET_NUMBER_DIGITS = 12;

export const initialState = (flow: IvrFlow): IvrState => ({
  node: flow.start,
  awaiting: false,
  retries: 0,
  intent: null,
  recordingUrl: null,
  done: false,
});

/**
 * One step of a call: hand the caller's input (keys or a recording) to the node that asked for it,
 * then run forward through silent nodes (say, hours, lookup by caller, ticket) until the flow needs
 * the caller again or ends. Returns the new state and everything to play, joined into one prompt.
 */
export async function stepFlow(
  flow: IvrFlow,
  previous: IvrState | null,
  request: { input?: string | null; recordingUrl?: string | null },
  env: IvrEnv,
): Promise<{ state: IvrState; reply: IvrReply }> {
  const s: IvrState = { ...(previous ?? initialState(flow)) };
  const says: string[] = [];
  const reply = (extra: Omit<IvrReply, 'node' | 'say'>): { state: IvrState; reply: IvrReply } => ({
    state: s,
    reply: { node: s.node, ...(says.length ? { say: says.join('') } : {}), ...extra },
  });
  if (s.done) return reply({ hangup: true });

  if (s.awaiting) {
    const node = flow.nodes[s.node];
    s.awaiting = false;
    if (node?.type === 'menu') {
      const key = (request.input ?? '').trim().slice(0, 1);
      const option = key ? node.options[key] : undefined;
      if (option !== undefined) {
        s.node = typeof option === 'string' ? option : option.next;
        if (typeof option !== 'string' && option.intent) s.intent = option.intent;
        s.retries = 0;
      } else if (s.retries >= node.retries) {
        s.retries = 0;
        if (!node.onFail) {
          says.push('抱歉，未能识别您的选择。感谢来电，再见。');
          s.done = true;
          return reply({ hangup: true });
        }
        s.node = node.onFail;
      } else {
        s.retries += 1;
        says.push(key ? '输入有误，请重新选择。' : '未收到您的按键，请重新选择。');
      }
    } else if (node?.type === 'record') {
      s.recordingUrl = request.recordingUrl ?? null;
      s.intent = s.intent ?? node.intent ?? null;
      s.node = node.next;
    } else if (node?.type === 'lookup') {
      const digits = (request.input ?? '').replace(/\D/g, '');
      says.push(await env.lookup('ticketNumber', digits || null));
      s.node = node.next;
    }
  }

  for (let i = 0; i < MAX_NODES_PER_STEP; i++) {
    const node = flow.nodes[s.node];
    if (!node) break;
    switch (node.type) {
      case 'say':
        says.push(node.text);
        s.node = node.next;
        break;
      case 'hours':
        s.node = (await env.isOpen()) ? node.open : node.closed;
        break;
      case 'lookup':
        if (node.by === 'caller') {
          if (node.prompt) says.push(node.prompt);
          says.push(await env.lookup('caller', null));
          s.node = node.next;
          break;
        }
        says.push(node.prompt ?? '请输入工单号中的日期和序号，共12位数字，以井号键结束。');
        s.awaiting = true;
        return reply({ gather: { maxDigits: TICKET_NUMBER_DIGITS, timeoutSec: 15 } });
      case 'menu':
        says.push(node.prompt);
        s.awaiting = true;
        return reply({ gather: { maxDigits: 1, timeoutSec: node.timeoutSec } });
      case 'record':
        says.push(node.prompt);
        s.awaiting = true;
        return reply({ record: { maxSeconds: node.maxSeconds } });
      case 'ticket': {
        const type = node.ticketType ?? s.intent ?? '咨询';
        await env.createTicket({
          node: s.node,
          type,
          description: node.description ?? `电话语音服务受理（${type}）`,
          recordingUrl: s.recordingUrl,
        });
        s.node = node.next;
        break;
      }
      case 'transfer':
        if (node.text) says.push(node.text);
        s.done = true;
        return reply({ transfer: { queue: node.queue, ...(node.skill ? { skill: node.skill } : {}) } });
      case 'hangup':
        if (node.text) says.push(node.text);
        s.done = true;
        return reply({ hangup: true });
    }
  }
  // A broken stored flow: end the call politely rather than spin.
  says.push('系统繁忙，请稍后再拨。');
  s.done = true;
  return reply({ hangup: true });
}
