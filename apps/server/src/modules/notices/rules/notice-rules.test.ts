import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTICE_STATUSES, NOTICE_TYPES } from '../schema';
import { type NoticeFacts, noticeProblems } from './notice-checks';
import { type NoticeAction, type NoticeState, noticeTransition } from './notice-status';

const limits = { drillNoticeDays: 3, maxValidityDays: 365 };
const now = new Date('2026-03-02T10:00:00+08:00');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const base: NoticeFacts = {
  type: '一般通知',
  location: null,
  eventStartsAt: null,
  eventEndsAt: null,
  sendAt: now,
  expiresAt: days(7),
};

describe('notice checks (Q65, Q70, Q71)', () => {
  it.each<[string, Partial<NoticeFacts>, string[]]>([
    ['a plain notice', {}, []],
    ['expired before sending', { expiresAt: days(-1) }, ['expiresAt']],
    ['too long', { expiresAt: days(400) }, ['expiresAt']],
    ['works without place and time', { type: '施工公告' }, ['location', 'eventStartsAt', 'eventEndsAt']],
    [
      'works complete',
      { type: '施工公告', location: '3号楼地库', eventStartsAt: days(1), eventEndsAt: days(2) },
      [],
    ],
    [
      'works ending before start',
      { type: '施工公告', location: 'x', eventStartsAt: days(2), eventEndsAt: days(1) },
      ['eventEndsAt'],
    ],
    ['drill 2 days ahead', { type: '消防演练', eventStartsAt: days(2) }, ['eventStartsAt']],
    ['drill 3 days ahead', { type: '消防演练', eventStartsAt: days(3) }, []],
    ['drill without a date', { type: '消防演练' }, ['eventStartsAt']],
  ])('%s', (_name, patch, fields) => {
    expect(Object.keys(noticeProblems({ ...base, ...patch }, limits)).sort()).toEqual(fields.sort());
  });

  it('any expiry at or before sending is refused, whatever the type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOTICE_TYPES), fc.integer({ min: -1000, max: 0 }), (type, minutes) => {
        const p = noticeProblems(
          { ...base, type, expiresAt: new Date(now.getTime() + minutes * 60_000) },
          limits,
        );
        expect(p.expiresAt).toBeDefined();
      }),
    );
  });
});

describe('notice approval (W-30)', () => {
  const s = (status: NoticeState['status'], urgent = false): NoticeState => ({ status, urgent });
  it.each<[NoticeState, NoticeAction, string | null]>([
    [s('草稿'), { type: 'submit' }, '待审核'],
    [s('待审核'), { type: 'review', approve: true }, '待批准'],
    [s('待审核'), { type: 'review', approve: false }, '草稿'],
    [s('待批准'), { type: 'approve', approve: true }, '已批准'],
    [s('待批准'), { type: 'approve', approve: false }, '草稿'],
    [s('已批准'), { type: 'publish' }, '已发布'],
    [s('草稿', true), { type: 'publish' }, '已发布'],
    [s('草稿'), { type: 'publish' }, null],
    [s('待审核'), { type: 'approve', approve: true }, null],
    [s('待批准'), { type: 'publish' }, null],
    [s('已发布'), { type: 'withdraw' }, '已撤回'],
    [s('已发布'), { type: 'edit' }, null],
  ])('%o + %o → %s', (state, action, want) => {
    const r = noticeTransition(state, action);
    expect(r.ok ? r.next.status : null).toBe(want);
  });

  it('a non-emergency notice only reaches 已发布 from 已批准', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOTICE_STATUSES), (status) => {
        const r = noticeTransition({ status, urgent: false }, { type: 'publish' });
        expect(r.ok).toBe(status === '已批准');
      }),
    );
  });
});
