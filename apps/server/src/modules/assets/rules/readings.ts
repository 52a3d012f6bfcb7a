import type { CheckItem } from '@guanjia/shared';

export interface Answer {
  itemId: string;
  pass?: boolean | null;
  value?: number | null;
  text?: string | null;
  note?: string | null;
  photoIds?: number[];
}

export type AnswerCheck =
  | { ok: true; failed: boolean }
  | { ok: false; reason: 'pass_required' | 'value_required' | 'text_required' | 'photo_required' };

/**
 * An answer checked against its item's kind: pass/fail needs `pass`, a reading needs a finite
 * `value` (out of [min, max] is a failure, not an error), text needs text, a photo item or a
 * photo-required item needs a photo. The failure decides whether a repair work order is raised.
 */
export function checkAnswer(item: CheckItem, answer: Answer): AnswerCheck {
  const photos = answer.photoIds?.length ?? 0;
  if ((item.kind === 'photo' || item.photo === 'required') && photos === 0)
    return { ok: false, reason: 'photo_required' };
  switch (item.kind) {
    case 'pass':
      if (typeof answer.pass !== 'boolean') return { ok: false, reason: 'pass_required' };
      return { ok: true, failed: !answer.pass };
    case 'number': {
      const v = answer.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, reason: 'value_required' };
      return { ok: true, failed: outOfRange(item, v) };
    }
    case 'text':
      if (!answer.text?.trim()) return { ok: false, reason: 'text_required' };
      return { ok: true, failed: false };
    case 'photo':
      return { ok: true, failed: false };
  }
}

export function outOfRange(item: Pick<CheckItem, 'min' | 'max'>, value: number): boolean {
  return (item.min != null && value < item.min) || (item.max != null && value > item.max);
}
