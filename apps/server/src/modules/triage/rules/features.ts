import { clauses, isHan, maskNumbers, normalizeText } from './normalize';

/** Anything that cuts Chinese text into words: @node-rs/jieba in the server, or nothing (n-grams only). */
export type Segmenter = (text: string) => string[];

/** Words that carry no problem (fillers, greetings, politeness): dropped so they never drive a choice. */
const STOP = new Set([
  '的',
  '了',
  '是',
  '我',
  '我家',
  '你们',
  '你',
  '他',
  '她',
  '啊',
  '呀',
  '吧',
  '呢',
  '吗',
  '嘛',
  '哦',
  '哈',
  '喂',
  '您好',
  '你好',
  '在',
  '有',
  '就',
  '都',
  '也',
  '还',
  '又',
  '和',
  '跟',
  '一下',
  '一个',
  '这个',
  '那个',
  '麻烦',
  '请',
  '谢谢',
  '物业',
  '师傅',
  '帮忙',
  '帮',
  '看看',
  '看',
  '来',
  '一',
  '个',
  '下',
  '很',
  '太',
  '好',
  '#',
  '号',
  '楼',
  '栋',
  '单元',
  '室',
  '今天',
  '昨天',
  '现在',
  '刚才',
  '那边',
  '这边',
  '怎么',
  '什么',
]);

export interface Features {
  /** Feature keys with their counts: "w:word" for jieba words, "c:xy" for character bigrams, "u:x" unigrams. */
  counts: Map<string, number>;
  /** The words jieba found (for explaining a choice: the reasons). */
  words: string[];
}

/**
 * The sparse features of a text: segmented words plus character uni- and bigrams inside each clause.
 * The n-grams carry the signal where the segmenter splits a typo or a dialect word oddly, and they
 * are all there is when jieba cannot load.
 */
export function featuresOf(text: string, segment: Segmenter | null): Features {
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const norm = maskNumbers(normalizeText(text));
  const words: string[] = [];
  for (const clause of clauses(norm)) {
    if (segment) {
      for (const raw of segment(clause)) {
        const w = raw.trim();
        if (!w || STOP.has(w) || !/[\p{Script=Han}a-z]/u.test(w)) continue;
        words.push(w);
        add(`w:${w}`);
      }
    }
    const han = [...clause].filter(isHan);
    for (let i = 0; i < han.length; i++) {
      const a = han[i] as string;
      if (!STOP.has(a)) add(`u:${a}`);
      const b = han[i + 1];
      if (b !== undefined) add(`c:${a}${b}`);
    }
  }
  return { counts, words };
}
