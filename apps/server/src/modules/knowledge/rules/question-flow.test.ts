import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KB_QUESTION_STATUSES } from '../schema';
import { type QuestionAction, questionAfter, questionMay, titleOfQuestion } from './question-flow';

describe('expert question lifecycle', () => {
  it.each([
    ['open', 'answer', true],
    ['answered', 'answer', true],
    ['published', 'answer', false],
    ['open', 'publish', false],
    ['answered', 'publish', true],
    ['published', 'publish', false],
  ] as const)('%s → %s: %s', (status, action, allowed) => {
    expect(questionMay(status, action)).toBe(allowed);
  });

  it('no sequence of allowed actions publishes a question twice or answers a published one', () => {
    const actions: QuestionAction[] = ['answer', 'publish'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 20 }), (sequence) => {
        let status: (typeof KB_QUESTION_STATUSES)[number] = 'open';
        let published = 0;
        for (const action of sequence) {
          if (!questionMay(status, action)) continue;
          expect(status).not.toBe('published');
          status = questionAfter(action);
          if (action === 'publish') published += 1;
        }
        expect(published).toBeLessThanOrEqual(1);
        if (published) expect(status).toBe('published');
      }),
    );
  });
});

describe('article title from a question', () => {
  it.each([
    ['地下车库月租车位怎么续费？业主说app上找不到入口', '地下车库月租车位怎么续费'],
    ['宠物登记需要什么材料', '宠物登记需要什么材料'],
    ['？可以在阳台装晾衣架吗', '？可以在阳台装晾衣架吗'],
  ])('%s → %s', (question, title) => {
    expect(titleOfQuestion(question)).toBe(title);
  });

  it('always fits the article title limit and is never blank', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 500 }).filter((s) => s.trim().length >= 2),
        (q) => {
          const title = titleOfQuestion(q);
          expect(title.length).toBeLessThanOrEqual(100);
          expect(title.trim().length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
