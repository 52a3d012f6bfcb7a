import { z } from 'zod';
import type { MessageLocale } from './request-locale';
import { ACTIONS, BY_CODE, EXACT, GENERIC, NOUNS } from './zh-messages';

const noun = (english: string) => NOUNS[english] ?? english;

/** "Ticket: …" reasons of the state machines. */
function reasonZh(reason: string): string {
  const notPossible = /^"(\w+)" is not possible from (.+)$/.exec(reason);
  if (notPossible)
    return `当前状态「${notPossible[2]}」不能${ACTIONS[notPossible[1] ?? ''] ?? `执行「${notPossible[1]}」`}`;
  const unknown = /^unknown action "(\w+)"$/.exec(reason);
  if (unknown) return `未知操作「${unknown[1]}」`;
  const noWorkOrders = /^work orders cannot be added in (.+)$/.exec(reason);
  if (noWorkOrders) return `「${noWorkOrders[1]}」的工单不能再加派工单`;
  const notEditable = /^a (.+) ticket cannot be edited$/.exec(reason);
  if (notEditable) return `「${notEditable[1]}」的工单不能更正，请先重开`;
  return EXACT[reason] ?? reason;
}

/** Messages with a part that varies: the English pattern and its Chinese. */
const TEMPLATES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(.+) not found$/, (m) => `${noun(m[1] ?? '')}不存在`],
  [/^Missing permission (.+)$/, (m) => `缺少权限：${m[1]}`],
  [
    /^(.+) was changed by someone else; reload and try again$/,
    (m) => `${noun(m[1] ?? '')}已被他人修改，请刷新后重试`,
  ],
  [/^(Ticket|Work order|Notice): (.+)$/, (m) => `${noun(m[1] ?? '')}：${reasonZh(m[2] ?? '')}`],
  [/^Invalid value for (.+)$/, (m) => `设置「${m[1]}」的值无效`],
  [
    /^At most (\d+) reports a day; please call the service centre$/,
    (m) => `每天最多报事 ${m[1]} 条，请致电服务中心`,
  ],
  [/^(.+) cannot take this order now$/, (m) => `${m[1]}现在不能接这张单`],
  [/^No route (\S+) (.+)$/, (m) => `没有该接口：${m[1]} ${m[2]}`],
  [/^Calendar is not usable: (.+)$/, (m) => `工作日历不可用：${m[1]}`],
  [
    /^This message reaches (\d+) residents \(more than (\d+)\): a second person must approve it$/,
    (m) => `本条消息将发给 ${m[1]} 位住户（超过 ${m[2]} 位），须由另一人审批后才能发出`,
  ],
  [/^At most (\d+) work orders a print$/, (m) => `每次最多打印 ${m[1]} 张派工单`],
  [
    /^At most (\d+) rows can be imported from one file; split it into several files$/,
    (m) => `每个文件最多导入 ${m[1]} 行，请拆分为多个文件`,
  ],
  [
    /^No sheet has the template header row \((.+)\); download the template and copy the data into it$/,
    (m) => `没有找到模板表头（${m[1]}），请下载导入模板并把数据复制进去`,
  ],
  [
    /^The article is already (draft|published)$/,
    (m) => (m[1] === 'published' ? '该文章已发布' : '该文章已是草稿'),
  ],
];

/** A message's Chinese from the catalog, or null when it has no line there. */
export function chineseOf(message: string): string | null {
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [pattern, render] of TEMPLATES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return null;
}

/** The envelope's message in the caller's language: English as thrown, else the catalog or the code's. */
export function translateMessage(message: string, code: string, locale: MessageLocale): string {
  if (locale === 'en') return message;
  return chineseOf(message) ?? BY_CODE[code] ?? GENERIC;
}

type LocaleError = (issue: never) => string | { message: string } | undefined | null;
const ZOD = {
  en: z.locales.en().localeError as unknown as LocaleError,
  zh: z.locales.zhCN().localeError as unknown as LocaleError,
};
const text = (r: ReturnType<LocaleError>) => (typeof r === 'string' ? r : (r?.message ?? null));

/**
 * One field problem's message. A zod issue (its `code` and parameters kept beside the message) whose
 * message is zod's own English reads zod's Chinese; a schema's own message reads the catalog's.
 */
export function translateIssueMessage(
  issue: { code?: unknown; message: string; [k: string]: unknown },
  locale: MessageLocale,
): string {
  if (locale === 'en') return issue.message;
  const known = chineseOf(issue.message);
  if (known) return known;
  if (typeof issue.code === 'string') {
    const asIssue = { ...issue, path: [] } as never;
    if (text(ZOD.en(asIssue)) === issue.message) return text(ZOD.zh(asIssue)) ?? issue.message;
    // A schema's own message missing from the catalog: zod's Chinese for the kind of problem.
    return text(ZOD.zh(asIssue)) ?? BY_CODE.validation_failed ?? GENERIC;
  }
  return issue.message;
}

/** Details that are field problems ([{ path, message, … }]) read in the caller's language; paths stay. */
export function translateDetails(details: unknown, locale: MessageLocale): unknown {
  if (locale === 'en' || !Array.isArray(details)) return details;
  return details.map((entry: unknown) => {
    if (!entry || typeof entry !== 'object') return entry;
    const e = entry as { message?: unknown };
    if (typeof e.message !== 'string') return entry;
    return { ...e, message: translateIssueMessage(e as { message: string }, locale) };
  });
}
