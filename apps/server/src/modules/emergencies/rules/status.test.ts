import { describe, expect, it } from 'vitest';
import { canMove, isActive, reviewRequired, statusAfterStep } from './status';

describe('emergency status machine', () => {
  it.each([
    ['已上报', '已确认', true],
    ['已上报', '已控制', true],
    ['已确认', '已到场', true],
    ['已到场', '已控制', true],
    ['已控制', '已结束', true],
    ['已结束', '已复盘', false],
    ['已确认', '已上报', false],
    ['已控制', '已确认', false],
    ['已结束', '已结束', false],
    ['已复盘', '已结束', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });

  it.each([
    ['已上报', true],
    ['已控制', true],
    ['已结束', false],
    ['已复盘', false],
  ] as const)('%s active: %s', (s, active) => expect(isActive(s)).toBe(active));

  it.each([
    ['已上报', 'ack', '已确认'],
    ['已确认', 'ack', '已确认'],
    ['已确认', 'checkin', '已到场'],
    ['已控制', 'checkin', '已控制'],
    ['已上报', 'notice', '已上报'],
  ] as const)('%s after a %s step → %s', (from, proof, to) => {
    expect(statusAfterStep(from, proof)).toBe(to);
  });

  it('reviews are required above 一般', () => {
    expect([reviewRequired('一般'), reviewRequired('较大'), reviewRequired('重大')]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
