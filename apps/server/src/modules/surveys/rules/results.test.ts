import type { SurveyAnswers, SurveySection } from '@guanjia/shared/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeResults, type HouseholdAnswer, ratio, satisfiedAnswer, scoreHousehold } from './results';
import { reminderDue, surveyDue, surveyPeriod } from './schedule';

const sections: SurveySection[] = [
  {
    title: '服务',
    questions: [
      { key: 'kf1', text: '客服态度', type: 'scale5', dimension: '客服' },
      { key: 'kf2', text: '客服效率', type: 'scale5', dimension: '客服' },
      {
        key: 'hj',
        text: '环境卫生',
        type: 'single',
        options: ['非常满意', '满意', '一般', '不满意', '非常不满意'],
        dimension: '环境',
      },
      {
        key: 'all',
        text: '总体满意度',
        type: 'single',
        options: ['非常满意', '满意', '一般', '不满意', '非常不满意'],
        overall: true,
      },
      { key: 'txt', text: '建议', type: 'text' },
    ],
  },
];
const targets = { coverage: 0.45, satisfaction: 0.7 };
const at = (d: number) => new Date(Date.UTC(2026, 5, d));
const answer = (unitId: number, day: number, answers: SurveyAnswers): HouseholdAnswer => ({
  unitId,
  answeredAt: at(day),
  channel: 'portal',
  answers,
});

describe('satisfied answers', () => {
  it.each([
    ['scale5', 4, true],
    ['scale5', 3, false],
    ['scale10', 8, true],
    ['scale10', 7, false],
    ['nps', 9, true],
    ['text', '好', null],
  ] as const)('%s %s → %s', (type, value, expected) => {
    expect(satisfiedAnswer({ key: 'q', text: 'q', type }, value)).toBe(expected);
  });
  it('reads the five levels of a choice, other options are no rating', () => {
    const q = { key: 'q', text: 'q', type: 'single' as const };
    expect(satisfiedAnswer(q, '非常满意')).toBe(true);
    expect(satisfiedAnswer(q, '满意')).toBe(true);
    expect(satisfiedAnswer(q, '一般')).toBe(false);
    expect(satisfiedAnswer(q, '不知道')).toBe(null);
  });
});

describe('household score', () => {
  it('a dimension is satisfied when more than half of its rated answers are', () => {
    expect(scoreHousehold(sections, { kf1: 5, kf2: 2, all: '满意' })).toEqual({
      overall: true,
      dimensions: { 客服: false },
    });
    expect(scoreHousehold(sections, { kf1: 5, kf2: 4, hj: '一般' }).dimensions).toEqual({
      客服: true,
      环境: false,
    });
  });
});

describe('coverage (Q81) and satisfaction (Q82)', () => {
  const households = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((unitId) => ({
    unitId,
    zoneId: unitId <= 5 ? 1 : 2,
  }));
  const zones = [
    { id: 1, name: '一区' },
    { id: 2, name: '二区' },
  ];
  it.each([
    { name: 'nobody answered', answers: [], responded: 0, coverage: 0, satisfaction: 0 },
    {
      name: 'two of three satisfied, one without the overall question',
      answers: [
        answer(1, 1, { all: '满意' }),
        answer(2, 1, { all: '非常满意' }),
        answer(3, 1, { all: '一般' }),
        answer(6, 1, { kf1: 5 }),
      ],
      responded: 4,
      coverage: 0.4,
      satisfaction: ratio(2, 3),
    },
    {
      name: 'a household with several residents answering counts once, the latest answer wins',
      answers: [
        answer(1, 1, { all: '不满意' }),
        answer(1, 3, { all: '满意' }),
        answer(1, 2, { all: '一般' }),
        answer(2, 1, { all: '一般' }),
      ],
      responded: 2,
      coverage: 0.2,
      satisfaction: 0.5,
    },
    {
      name: 'answers from outside the campaign are ignored',
      answers: [answer(99, 1, { all: '满意' }), answer(10, 1, { all: '满意' })],
      responded: 1,
      coverage: 0.1,
      satisfaction: 1,
    },
  ])('$name', ({ answers, responded, coverage, satisfaction }) => {
    const r = computeResults(sections, households, answers, zones, targets);
    expect(r.households).toBe(10);
    expect(r.responded).toBe(responded);
    expect(r.coverage).toBe(coverage);
    expect(r.satisfaction).toBe(satisfaction);
  });

  it('per zone and per dimension, below-target dimensions flagged', () => {
    const r = computeResults(
      sections,
      households,
      [
        answer(1, 1, { all: '满意', kf1: 5, kf2: 5, hj: '不满意' }),
        answer(2, 1, { all: '满意', kf1: 4, kf2: 4, hj: '一般' }),
        answer(6, 1, { all: '一般', kf1: 1, kf2: 5, hj: '满意' }),
      ],
      zones,
      targets,
    );
    expect(r.byZone).toEqual([
      expect.objectContaining({ zoneId: 1, households: 5, responded: 2, coverage: 0.4, satisfaction: 1 }),
      expect.objectContaining({ zoneId: 2, households: 5, responded: 1, coverage: 0.2, satisfaction: 0 }),
    ]);
    expect(r.byDimension).toEqual([
      { dimension: '环境', answered: 3, satisfied: 1, satisfaction: ratio(1, 3), belowTarget: true },
      { dimension: '客服', answered: 3, satisfied: 2, satisfaction: ratio(2, 3), belowTarget: true },
    ]);
  });

  it('rates stay between 0 and 1 and coverage never exceeds the households', () => {
    const level = fc.constantFrom('非常满意', '满意', '一般', '不满意', '非常不满意');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unitId: fc.integer({ min: 1, max: 12 }),
            day: fc.integer({ min: 1, max: 28 }),
            all: level,
          }),
          {
            maxLength: 40,
          },
        ),
        (rows) => {
          const r = computeResults(
            sections,
            households,
            rows.map((x) => answer(x.unitId, x.day, { all: x.all })),
            zones,
            targets,
          );
          expect(r.responded).toBeLessThanOrEqual(r.households);
          expect(r.coverage).toBeGreaterThanOrEqual(0);
          expect(r.coverage).toBeLessThanOrEqual(1);
          expect(r.satisfaction).toBeLessThanOrEqual(1);
          expect(r.byZone.reduce((a, z) => a + z.responded, 0)).toBe(r.responded);
        },
      ),
    );
  });
});

describe('schedule (Q80) and reminders', () => {
  it.each([
    ['2026-03-10', 2, '2026-01-01', '2026-06-30'],
    ['2026-12-06', 2, '2026-07-01', '2026-12-31'],
    ['2026-05-01', 4, '2026-04-01', '2026-06-30'],
  ])('%s with %i a year is in %s…%s', (today, perYear, start, end) => {
    expect(surveyPeriod(today, perYear)).toEqual({ start, end });
  });
  it('reminds near the end of a period without a campaign only', () => {
    expect(surveyDue('2026-06-01', 2, 45, []).due).toBe(true);
    expect(surveyDue('2026-04-01', 2, 45, []).due).toBe(false);
    expect(surveyDue('2026-06-01', 2, 45, ['2026-02-01']).due).toBe(false);
  });
  it('reminders respect the maximum and the gap', () => {
    const now = at(10);
    expect(reminderDue({ answeredAt: null, reminders: 0, lastRemindedAt: null }, now, 2, 3)).toBe(true);
    expect(reminderDue({ answeredAt: null, reminders: 1, lastRemindedAt: at(8) }, now, 2, 3)).toBe(false);
    expect(reminderDue({ answeredAt: null, reminders: 1, lastRemindedAt: at(7) }, now, 2, 3)).toBe(true);
    expect(reminderDue({ answeredAt: null, reminders: 2, lastRemindedAt: at(1) }, now, 2, 3)).toBe(false);
    expect(reminderDue({ answeredAt: at(9), reminders: 0, lastRemindedAt: null }, now, 2, 3)).toBe(false);
  });
});
