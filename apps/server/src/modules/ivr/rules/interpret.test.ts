import { describe, expect, it } from 'vitest';
import { defaultFlow } from './default-flow';
import type { IvrFlow } from './flow';
import { type IvrEnv, type IvrState, stepFlow } from './interpret';

function env(open: boolean) {
  const tickets: { type: string; recordingUrl: string | null }[] = [];
  const e: IvrEnv = {
    isOpen: async () => open,
    lookup: async (by, digits) => (by === 'caller' ? '您最近的工单处理中。' : `工单${digits}已关闭。`),
    createTicket: async (t) => {
      tickets.push({ type: t.type, recordingUrl: t.recordingUrl });
    },
  };
  return { e, tickets };
}

async function call(flow: IvrFlow, open: boolean, inputs: { input?: string; recordingUrl?: string }[]) {
  const { e, tickets } = env(open);
  let state: IvrState | null = null;
  const replies = [];
  for (const input of [{}, ...inputs]) {
    const r = await stepFlow(flow, state, input, e);
    state = r.state;
    replies.push(r.reply);
  }
  return { replies, tickets, state };
}

const flow = defaultFlow('锦绣花园');

describe('stepFlow over the default flow', () => {
  it('in working hours greets, offers the menu and transfers on 1', async () => {
    const { replies } = await call(flow, true, [{ input: '1' }]);
    expect(replies[0]).toEqual({
      node: 'main',
      say: expect.stringContaining('欢迎致电锦绣花园'),
      gather: { maxDigits: 1, timeoutSec: 5 },
    });
    expect(replies[1]).toMatchObject({ transfer: { queue: '报修' } });
  });

  it('re-prompts on a wrong key and silence, then goes to onFail', async () => {
    const { replies } = await call(flow, true, [{ input: '7' }, {}, { input: '9' }]);
    expect(replies[1]).toMatchObject({ node: 'main', say: expect.stringMatching(/^输入有误/), gather: {} });
    expect(replies[2]).toMatchObject({ say: expect.stringMatching(/^未收到您的按键/) });
    expect(replies[3]).toMatchObject({ transfer: { queue: '人工' } });
  });

  it('after hours: closed announcement → intent → voicemail → ticket with that intent → goodbye', async () => {
    const { replies, tickets, state } = await call(flow, false, [
      { input: '1' },
      { recordingUrl: 'https://pbx.example.com/vm/1.wav' },
    ]);
    expect(replies[0]).toMatchObject({ node: 'intent', say: expect.stringContaining('非工作时间') });
    expect(replies[1]).toMatchObject({ node: 'voicemail', record: { maxSeconds: 120 } });
    expect(replies[2]).toMatchObject({ hangup: true, say: expect.stringContaining('下一个工作日上午') });
    expect(tickets).toEqual([{ type: '投诉', recordingUrl: 'https://pbx.example.com/vm/1.wav' }]);
    expect(state?.done).toBe(true);
  });

  it('after hours self-service: the status of the latest ticket', async () => {
    const { replies } = await call(flow, false, [{ input: '4' }]);
    expect(replies[1]).toMatchObject({ hangup: true, say: '您最近的工单处理中。感谢您的来电，再见。' });
  });

  it('a finished call only hangs up', async () => {
    const { e } = env(true);
    const first = await stepFlow(flow, null, {}, e);
    const done = await stepFlow(flow, { ...first.state, done: true }, { input: '1' }, e);
    expect(done.reply).toEqual({ node: 'main', hangup: true });
  });

  it('a menu without onFail ends the call after its retries', async () => {
    const tiny: IvrFlow = {
      start: 'm',
      nodes: {
        m: { type: 'menu', prompt: '请按1', options: { '1': 'b' }, retries: 0, timeoutSec: 5 },
        b: { type: 'hangup' },
      },
    };
    const { replies } = await call(tiny, true, [{ input: '5' }]);
    expect(replies[1]).toMatchObject({ hangup: true, say: expect.stringContaining('未能识别') });
  });

  it('lookup by ticket number gathers 12 digits', async () => {
    const f: IvrFlow = {
      start: 'l',
      nodes: { l: { type: 'lookup', by: 'ticketNumber', next: 'b' }, b: { type: 'hangup' } },
    };
    const { replies } = await call(f, true, [{ input: '202603010007#' }]);
    expect(replies[0]).toMatchObject({ gather: { maxDigits: 12 } });
    expect(replies[1]).toMatchObject({ say: '工单202603010007已关闭。', hangup: true });
  });

  it('a stored flow that loops silently is cut off', async () => {
    const bad = {
      start: 'a',
      nodes: { a: { type: 'say', text: '一', next: 'a' } },
    } as IvrFlow;
    const { replies } = await call(bad, true, []);
    expect(replies[0]).toMatchObject({ hangup: true, say: expect.stringContaining('系统繁忙') });
  });
});
