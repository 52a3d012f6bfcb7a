import { fullWidthTree } from '@guanjia/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zhCN from './zh-CN';

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

const initial = storedLocale();
dayjs.locale(initial === 'en' ? 'en' : 'zh-cn');
void i18n.use(initReactI18next).init({
  // Chinese text takes full-width punctuation whoever wrote the string (parts/ files included).
  resources: { 'zh-CN': { translation: fullWidthTree(zhCN) }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = initial;

export default i18n;
