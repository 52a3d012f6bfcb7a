export interface ForbiddenPhrase {
  phrase: string;
  /** What to say instead, shown to the agent. */
  instead?: string;
}

export interface PhraseFlag {
  phrase: string;
  index: number;
  instead: string | null;
}

/**
 * Forbidden phrases (requirements §6.6) in a note, an answer or a transcript: each phrase once, at its
 * first place, longest phrases first so "我不知道" is reported rather than also "不知道" inside it.
 */
export function findForbiddenPhrases(text: string, phrases: readonly ForbiddenPhrase[]): PhraseFlag[] {
  const taken: [number, number][] = [];
  const flags: PhraseFlag[] = [];
  const ordered = [...phrases]
    .filter((p) => p.phrase.trim())
    .sort((a, b) => b.phrase.length - a.phrase.length);
  for (const p of ordered) {
    let from = 0;
    for (;;) {
      const index = text.indexOf(p.phrase, from);
      if (index < 0) break;
      const end = index + p.phrase.length;
      if (!taken.some(([s, e]) => index < e && end > s)) {
        taken.push([index, end]);
        if (!flags.some((f) => f.phrase === p.phrase))
          flags.push({ phrase: p.phrase, index, instead: p.instead ?? null });
      }
      from = index + 1;
    }
  }
  return flags.sort((a, b) => a.index - b.index);
}
