/**
 * The language of an answer's error message, from the caller's Accept-Language: the console sends its
 * own language (zh-CN by default), a browser its user's. A caller that names no language we speak
 * (curl, a PBX webhook) reads English, the language of the API's reference and logs.
 */
export type MessageLocale = 'zh-CN' | 'en';

export const FALLBACK_MESSAGE_LOCALE: MessageLocale = 'en';

/** `zh-CN,zh;q=0.9,en;q=0.8` → zh-CN; the highest-weighted language we speak wins, ties by order. */
export function messageLocale(header: string | string[] | undefined): MessageLocale {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { locale: MessageLocale; q: number } | null = null;
  for (const part of text.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const lang = tag.trim().toLowerCase();
    const locale: MessageLocale | null = lang.startsWith('zh')
      ? 'zh-CN'
      : lang.startsWith('en')
        ? 'en'
        : null;
    if (!locale) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? FALLBACK_MESSAGE_LOCALE;
}
