import { fullWidthTree } from '@guanjia/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh as shell } from './parts/shell';

dayjs.extend(utc);
dayjs.extend(timezone);

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'guanjia.locale';

export function normalizeLocale(value: string | null | undefined): Locale {
  if (!value) return DEFAULT_LOCALE;
  if (value === 'en' || value.toLowerCase().startsWith('en')) return 'en';
  return 'zh-CN';
}

function storedLocale(): Locale {
  try {
    return normalizeLocale(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Switch the console's language (i18next, dayjs, <html lang>); antd follows through ConfigProvider. */
export async function applyLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the user's server-side preference still applies at the next login.
  }
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export const currentLocale = (): Locale => normalizeLocale(i18n.language);

/**
 * English is fetched the first time someone switches to it: most of the console's users never do, and
 * its strings would otherwise be a fifth of the first route's JavaScript.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'en' || i18n.hasResourceBundle('en', 'translation')) return;
  const { default: en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

let pageStrings: Promise<void> | undefined;

/**
 * The Chinese of every page, beyond the shell's (parts/shell.ts: layout, menus, login, errors): fetched
 * once, beside the first page's own script (lazyPages.ts), so the login screen never waits for them.
 */
export function loadPageStrings(): Promise<void> {
  pageStrings ??= import('./zh-CN').then(
    ({ default: zh }) => {
      i18n.addResourceBundle('zh-CN', 'translation', fullWidthTree(zh), true, true);
    },
    (error: unknown) => {
      pageStrings = undefined; // a failed fetch is tried again by the next page
      throw error;
    },
  );
  return pageStrings;
}

const initial = storedLocale();
dayjs.locale('zh-cn');
void i18n.use(initReactI18next).init({
  // Chinese text takes full-width punctuation whoever wrote the string (parts/ files included).
  resources: { 'zh-CN': { translation: fullWidthTree(shell) } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = DEFAULT_LOCALE;

/** Resolves once the stored language's strings are in: the console renders after it. */
export const i18nReady: Promise<void> =
  initial === DEFAULT_LOCALE ? Promise.resolve() : applyLocale(initial).catch(() => undefined);

export default i18n;
