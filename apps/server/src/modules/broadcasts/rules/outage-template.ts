/**
 * The variables of a saved message template, written the way staff write them: {小区}, {楼栋}…
 * They are filled once per message (the same for every resident); the per-resident
 * {{resident.name}} placeholders of delivery/rules/template.ts stay untouched for the sender.
 */
export const MESSAGE_VARIABLES = ['小区', '楼栋', '开始时间', '结束时间', '原因', '服务电话'] as const;
export type MessageVariable = (typeof MESSAGE_VARIABLES)[number];
export type MessageValues = Partial<Record<MessageVariable, string | null>>;

// One brace on each side (not the {{…}} of the per-resident template), no spaces or dots inside.
const PLACEHOLDER = /(?<!\{)\{([^{}\s.]{1,20})\}(?!\})/g;

const isKnown = (name: string): name is MessageVariable =>
  (MESSAGE_VARIABLES as readonly string[]).includes(name);

/** Names used in a text, in order of first use. */
export function messageVariablesIn(text: string): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (m[1] && !seen.includes(m[1])) seen.push(m[1]);
  return seen;
}

export function unknownMessageVariables(text: string): string[] {
  return messageVariablesIn(text).filter((v) => !isKnown(v));
}

/**
 * Fill {变量}. A known variable without a value reads "另行通知" for times and is dropped otherwise, so
 * a resident never sees a raw brace; an unknown one is left as written (saving refuses it anyway).
 */
export function renderMessage(text: string, values: MessageValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isKnown(name)) return whole;
    const v = values[name];
    if (v) return v;
    return name === '开始时间' || name === '结束时间' ? '另行通知' : '';
  });
}
