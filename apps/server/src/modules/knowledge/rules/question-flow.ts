import type { KbQuestionStatus } from '../schema';

export type QuestionAction = 'answer' | 'publish';

/**
 * What may happen to an expert question next. An expert may correct an answer until it is published
 * (the agent sees the latest); only an answered question becomes an article, and only once.
 */
export function questionMay(status: KbQuestionStatus, action: QuestionAction): boolean {
  switch (action) {
    case 'answer':
      return status === 'open' || status === 'answered';
    case 'publish':
      return status === 'answered';
  }
}

export const questionAfter = (action: QuestionAction): KbQuestionStatus =>
  action === 'answer' ? 'answered' : 'published';

/** Titles are short; a long question is cut at its first sentence, or at the title's limit. */
export function titleOfQuestion(question: string): string {
  const first = question.split(/[。？！?!\n]/)[0]?.trim() ?? '';
  const title = first.length >= 2 ? first : question.trim();
  return title.length > 100 ? `${title.slice(0, 99)}…` : title;
}
