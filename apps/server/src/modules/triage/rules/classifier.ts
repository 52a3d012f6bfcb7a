import type { TicketType } from '@guanjia/shared';
import { featuresOf, type Segmenter } from './features';
import { type NbModel, predictNb, trainNb } from './naive-bayes';
import { assessUrgency, type UrgentPhrase } from './urgency';

/** The stored model: one classifier for the category path, one for the ticket type. */
export interface TriageModel {
  format: 1;
  /** What segmented the training texts: a model trained with jieba scores best with jieba. */
  engine: 'jieba' | 'ngrams';
  category: NbModel;
  type: NbModel;
}

export interface TrainingText {
  text: string;
  /** Category path by names (户内/水/漏水): company trees differ in ids, not in names. */
  path: string;
  type: TicketType;
  weight?: number;
}

export function trainTriage(
  texts: readonly TrainingText[],
  segment: Segmenter | null,
  engine: TriageModel['engine'],
): TriageModel {
  const feats = texts.map((t) => featuresOf(t.text, segment).counts);
  return {
    format: 1,
    engine,
    category: trainNb(
      texts.map((t, i) => ({ counts: feats[i] as Map<string, number>, label: t.path, weight: t.weight })),
    ),
    type: trainNb(
      texts.map((t, i) => ({ counts: feats[i] as Map<string, number>, label: t.type, weight: t.weight })),
    ),
  };
}

export type Urgency = 'urgent' | 'normal' | 'scheduled';

export interface Suggestion {
  type: TicketType;
  urgency: Urgency;
  /** Rule-found danger (not the model's guess): only this starts urgent clocks by itself. */
  confidentUrgent: boolean;
  categories: { path: string; confidence: number }[];
  reasons: string[];
  /** Words of the text that drove the choice, for highlighting. */
  highlights: string[];
}

export interface SuggestOptions {
  phrases: readonly UrgentPhrase[];
  /** Paths whose problem defaults to 急 in the company's tree (电梯困人, 燃气泄漏…). */
  urgentPaths: ReadonlySet<string>;
  /** The confidence above which an urgent-by-default category makes the text urgent on its own. */
  urgentCategoryConfidence: number;
}

const display = (feature: string) => feature.slice(2);

export function suggest(
  model: TriageModel,
  text: string,
  segment: Segmenter | null,
  options: SuggestOptions,
): Suggestion {
  const { counts } = featuresOf(text, segment);
  const cat = predictNb(model.category, counts);
  const typ = predictNb(model.type, counts);
  const rule = assessUrgency(text, options.phrases);
  const top = cat.ranked[0];
  const reasons: string[] = [];
  let urgency: Urgency = rule.urgency;
  for (const h of rule.hits) reasons.push(`${h.kind === 'life' ? '人身安全' : '财产损失'}:「${h.phrase}」`);
  for (const n of rule.negated) reasons.push(`已否定:「${n}」不算紧急`);
  let type = (typ.ranked[0]?.label ?? '报修') as TicketType;
  // Danger is reported as a repair whatever the tone: the work order is what saves the flat.
  if (rule.hits.length && type !== '报修' && type !== '求助') type = '报修';
  // A category the company marks 急 (漏水, 燃气泄漏) makes a confident repair urgent, unless the text
  // says it can wait: a visit by appointment, a denied danger (没有味道), a problem played down (有点
  // 渗水), or not a repair at all (计划停电是哪几栋 is a question).
  if (
    urgency === 'normal' &&
    top &&
    options.urgentPaths.has(top.label) &&
    top.p >= options.urgentCategoryConfidence &&
    (type === '报修' || type === '求助') &&
    rule.negated.length === 0 &&
    rule.mild.length === 0
  ) {
    urgency = 'urgent';
    reasons.push(`类别默认紧急:${top.label}`);
  }
  if (urgency === 'scheduled') reasons.push(`预约:「${rule.schedule.join('、')}」`);
  const highlights = [
    ...new Set([...rule.hits.map((h) => h.phrase), ...cat.drivers.map((d) => display(d.feature))]),
  ].filter((w) => w.length > 1 || rule.hits.length === 0);
  if (cat.drivers.length)
    reasons.push(
      `关键词:${cat.drivers
        .slice(0, 4)
        .map((d) => display(d.feature))
        .join('、')}`,
    );
  return {
    type,
    urgency,
    confidentUrgent: rule.hits.length > 0,
    categories: cat.ranked
      .slice(0, 3)
      .map((r) => ({ path: r.label, confidence: Math.round(r.p * 1000) / 1000 })),
    reasons,
    highlights: highlights.slice(0, 8),
  };
}
