import { namePinyin } from '../modules/residents/rules/name-pinyin';

/** namePinyin memoised per name: generated populations repeat names a lot, and pinyin-pro is the slow part. */
export class PinyinCache {
  private readonly cache = new Map<string, { full: string; initials: string }>();

  of(name: string): { full: string; initials: string } {
    let py = this.cache.get(name);
    if (!py) {
      py = namePinyin(name);
      this.cache.set(name, py);
    }
    return py;
  }
}
