import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalDecision, mayApprove } from './approval';
import {
  MESSAGE_VARIABLES,
  messageVariablesIn,
  renderMessage,
  unknownMessageVariables,
} from './outage-template';
import { summarizeRecipients } from './preview';

describe('message templates', () => {
  it.each([
    ['fills every variable', '{小区}{楼栋}停水', { 小区: '花园', 楼栋: '1号楼' }, '花园1号楼停水'],
    ['missing times read 另行通知', '至{结束时间}', {}, '至另行通知'],
    ['missing others vanish', '电话{服务电话}。', {}, '电话。'],
    [
      'per-resident {{…}} is left for the sender',
      '{{resident.name}}:{原因}',
      { 原因: '检修' },
      '{{resident.name}}:检修',
    ],
    ['unknown names stay visible', '{楼号}', { 小区: 'x' }, '{楼号}'],
    ['a repeated variable fills each time', '{小区}/{小区}', { 小区: 'A' }, 'A/A'],
  ])('%s', (_n, text, values, want) => {
    expect(renderMessage(text, values)).toBe(want);
  });

  it.each([
    ['{小区}{楼号}{停水时间}', ['楼号', '停水时间']],
    ['{{unit.label}}{开始时间}', []],
    ['no braces', []],
  ])('unknown variables of %s', (text, want) => {
    expect(unknownMessageVariables(text)).toEqual(want);
  });

  const plain = fc.string().filter((s) => !/[{}]/.test(s));
  it('text without braces renders unchanged; known variables never leave a brace', () => {
    fc.assert(
      fc.property(plain, fc.constantFrom(...MESSAGE_VARIABLES), plain, (a, v, b) => {
        expect(renderMessage(a + b, {})).toBe(a + b);
        expect(renderMessage(`${a}{${v}}${b}`, { [v]: 'X' })).toBe(`${a}X${b}`);
        expect(messageVariablesIn(`${a}{${v}}${b}`)).toEqual([v]);
      }),
    );
  });
});

describe('approval rule', () => {
  const base = { recipients: 600, threshold: 500, emergency: false, initiatorId: 1, approverId: null };
  it.each([
    ['at the threshold goes', { recipients: 500 }, true],
    ['above it is held', {}, false],
    ['an emergency outage goes (Q60)', { emergency: true }, true],
    ['a second person approved', { approverId: 2 }, true],
    ['approved by the initiator himself is held', { approverId: 1 }, false],
  ])('%s', (_n, extra, go) => {
    expect(approvalDecision({ ...base, ...extra }).go).toBe(go);
  });

  it('below the threshold always goes; above it without emergency only with someone else', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.integer({ min: 1, max: 10_000 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        (recipients, threshold, emergency, initiatorId, approverId) => {
          const d = approvalDecision({ recipients, threshold, emergency, initiatorId, approverId });
          const expected =
            recipients <= threshold || emergency || (approverId !== null && approverId !== initiatorId);
          expect(d.go).toBe(expected);
        },
      ),
    );
  });

  it('nobody approves their own request', () => {
    fc.assert(
      fc.property(fc.nat(), (id) => {
        expect(mayApprove(id, id)).toBe(false);
      }),
    );
    expect(mayApprove(1, 2)).toBe(true);
  });
});

describe('preview summary', () => {
  it('counts per channel, one sample text each, totals match', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('sms', 'email', 'inapp', 'wechat' as const), { maxLength: 50 }),
        (cs) => {
          const s = summarizeRecipients(
            cs.map((c, i) => ({ c, i })),
            (r) => r.c,
            (r) => `#${r.i}`,
          );
          expect(s.recipients).toBe(cs.length);
          expect(Object.values(s.channels).reduce((a, b) => a + (b ?? 0), 0)).toBe(cs.length);
          for (const [c, text] of Object.entries(s.texts)) expect(text).toBe(`#${cs.indexOf(c as never)}`);
        },
      ),
    );
  });
});
