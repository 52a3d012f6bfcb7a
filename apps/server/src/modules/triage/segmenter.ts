import { createRequire } from 'node:module';
import type { Segmenter } from './rules/features';

const require = createRequire(import.meta.url);

interface JiebaLike {
  cut(sentence: string, hmm?: boolean | null): string[];
}

let loaded: { segment: Segmenter | null; engine: 'jieba' | 'ngrams' } | null = null;

/**
 * @node-rs/jieba with the dictionary its npm package ships (nothing is fetched at run time). If the
 * native binary cannot load on this platform, triage runs on character n-grams alone: slightly less
 * accurate, never down. Loaded once per process (the dictionary takes ~0.3 s to build).
 */
export function segmenter(): { segment: Segmenter | null; engine: 'jieba' | 'ngrams' } {
  if (loaded) return loaded;
  try {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    loaded = { segment: (text) => jieba.cut(text, true), engine: 'jieba' };
  } catch (error) {
    console.warn('[triage] @node-rs/jieba unavailable, using character n-grams only:', error);
    loaded = { segment: null, engine: 'ngrams' };
  }
  return loaded;
}
