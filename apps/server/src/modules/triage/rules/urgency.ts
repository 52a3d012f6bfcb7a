import { clauses, normalizeText } from './normalize';

export type UrgentKind = 'life' | 'property';

export interface UrgentPhrase {
  phrase: string;
  kind: UrgentKind;
}

/**
 * The product's starting list (each company edits its own in 智能分类 settings): life-safety phrases
 * (gas, fire, people trapped or hurt) and property-damage ones (water running through floors, bursts).
 * Phrases are matched on normalised text, so 然气味 matches 燃气味.
 */
export const DEFAULT_URGENT_PHRASES: readonly UrgentPhrase[] = [
  ...[
    '燃气味',
    '煤气味',
    '天然气味',
    '燃气泄漏',
    '煤气泄漏',
    '漏气',
    '泄漏',
    '一股气味',
    '闻到气味',
    '冒烟',
    '着火',
    '起火',
    '失火',
    '火灾',
    '烧起来',
    '火苗',
    '冒火花',
    '火花',
    '烧焦味',
    '焦糊味',
    '困在电梯',
    '困电梯',
    '电梯困人',
    '关在电梯',
    '卡在电梯',
    '被困',
    '困住',
    '出不来',
    '出不去',
    '电梯里有人',
    '里面有人',
    '还在里面',
    '人在里面',
    '里面有老人',
    '里面有小孩',
    '臭鸡蛋味',
    '燃气报警器响',
    '有气味',
    '触电',
    '电到人',
    '漏电',
    '电线裸露',
    '晕倒',
    '摔倒',
    '受伤',
    '流血',
    '昏迷',
    '中毒',
    '打架',
    '持刀',
    '高空坠物',
    '砸到人',
    '砸伤',
    '掉下来砸',
    '砸到小孩',
    '砸到老人',
  ].map((phrase) => ({ phrase, kind: 'life' as const })),
  ...[
    '水漫',
    '漫到楼下',
    '漫出来',
    '淹了',
    '淹水',
    '水淹',
    '泡了',
    '泡水',
    '水管爆',
    '爆管',
    '管子爆',
    '爆裂',
    '水管炸',
    '喷水',
    '漏得很大',
    '漏得很厉害',
    '往外喷',
    '止不住',
    '关不住',
    '哗哗',
    '漏到楼下',
    '渗到楼下',
    '滴到楼下',
    '楼下漏水',
    '全部停电',
    '整栋楼停电',
    '整栋停电',
    '全楼停电',
    '都停电',
    '家里停电',
    '停电了',
    '跳闸',
    '全黑',
    '大面积漏水',
    '到处是水',
    '一地的水',
    '满地水',
    '地上都是水',
    '呲水',
    '滋水',
  ].map((phrase) => ({ phrase, kind: 'property' as const })),
];

/** Words that, shortly before a phrase in the same clause, deny it: 没有燃气味, 不是漏气, 并未冒烟. */
const NEGATORS = ['没有', '没', '无', '不是', '不', '未', '并未', '别', '不再', '已经不', '不会', '非'];
/** How far before the phrase a negator still reaches (没有闻到燃气味: 没有 is 4 characters away). */
const NEGATION_REACH = 4;
/** After the phrase: 漏水已经修好了, 冒烟的问题解决了 — the danger is over. */
const RESOLVED_AFTER = ['修好了', '已修好', '解决了', '已解决', '好了', '停了', '没事了', '处理好了'];

/** Words that ask for a visit at an agreed time (预约): the urgency is "scheduled". */
export const SCHEDULE_WORDS = [
  '预约',
  '约个时间',
  '约时间',
  '约一下',
  '明天上午',
  '明天下午',
  '明天早上',
  '后天',
  '周末',
  '星期六',
  '星期天',
  '周六',
  '周日',
  '下周',
  '有空的时候',
  '等我下班',
  '下班后',
  '下班以后',
  '晚上在家',
  '上午在家',
  '下午在家',
  '不急',
  '不着急',
  '方便的时候',
  '改天',
];

/**
 * Words that say a problem can wait: played down (有点渗水, 轻微), going on for long (老是, 好久了), a
 * check rather than a fault (检查一下), or held for now (先用胶布缠上了). A category that is urgent by
 * default (漏水) then does not make the text urgent; a named danger (燃气味) still does.
 */
export const MILD_WORDS = [
  ...['有点', '有些', '一点点', '轻微', '稍微', '偶尔', '不严重', '不太严重', '不影响', '一条缝'],
  ...['老是', '好久了', '经常', '时不时', '一阵子了'],
  ...['查一下', '检查一下', '查查'],
  ...['先用', '暂时', '缠上了', '堵上了'],
];

export interface UrgencyHit {
  phrase: string;
  kind: UrgentKind;
  /** The clause it was found in (shown as the reason). */
  clause: string;
}

export interface UrgencyResult {
  urgency: 'urgent' | 'normal' | 'scheduled';
  hits: UrgencyHit[];
  /** Words that play the problem down (MILD_WORDS). */
  mild: string[];
  /** Phrases found but denied (没有燃气味): shown to the agent so the rule's reading is visible. */
  negated: string[];
  schedule: string[];
}

/** A question or a doubt is not a denial: 是不是漏气了 is reported as a leak (recall first). */
const DOUBT = ['是不是', '有没有', '会不会', '是否', '好像', '怀疑', '可能'];

function negatedAt(clause: string, at: number, phrase: string): boolean {
  const before = clause.slice(Math.max(0, at - NEGATION_REACH - 2), at);
  if (DOUBT.some((d) => clause.slice(Math.max(0, at - 8), at).includes(d))) return false;
  const after = clause.slice(at + phrase.length, at + phrase.length + 6);
  if (RESOLVED_AFTER.some((r) => after.includes(r))) return true;
  // The negator must sit close to the phrase: 没有 … 燃气味 within the reach, in the same clause.
  return NEGATORS.some((n) => {
    const i = before.lastIndexOf(n);
    return i >= 0 && before.length - (i + n.length) <= NEGATION_REACH;
  });
}

/**
 * Rule-first urgency: a life-safety or property-damage phrase that is not denied makes a text urgent;
 * otherwise a request for a later visit makes it scheduled. No model can talk a gas smell down.
 */
export function assessUrgency(text: string, phrases: readonly UrgentPhrase[]): UrgencyResult {
  const hits: UrgencyHit[] = [];
  const negated: string[] = [];
  const norm = normalizeText(text);
  const sorted = [...phrases].sort((a, b) => b.phrase.length - a.phrase.length);
  for (const clause of clauses(norm)) {
    const taken: [number, number][] = [];
    for (const p of sorted) {
      const needle = normalizeText(p.phrase);
      if (!needle) continue;
      let from = 0;
      for (;;) {
        const at = clause.indexOf(needle, from);
        if (at < 0) break;
        from = at + needle.length;
        // A longer phrase already claimed this span (燃气泄漏 before 泄漏).
        if (taken.some(([s, e]) => at < e && at + needle.length > s)) continue;
        taken.push([at, at + needle.length]);
        if (negatedAt(clause, at, needle)) negated.push(p.phrase);
        else hits.push({ phrase: p.phrase, kind: p.kind, clause });
      }
    }
  }
  const schedule = hits.length ? [] : SCHEDULE_WORDS.filter((w) => norm.includes(w));
  return {
    urgency: hits.length ? 'urgent' : schedule.length ? 'scheduled' : 'normal',
    hits,
    mild: MILD_WORDS.filter((w) => norm.includes(w)),
    negated,
    schedule,
  };
}
