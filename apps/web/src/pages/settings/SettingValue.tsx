import { DEFAULT_ROLES, type DispatchMode } from '@guanjia/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useServiceVocab } from '../../serviceVocab';
import { kindOf, MB, type SettingKind } from './settingKinds';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** A role code as people call it: 客服班长 / Service lead (custom roles keep their code). */
export function roleName(code: string, english: boolean): string {
  const role = DEFAULT_ROLES.find((r) => r.code === code);
  return role ? (english ? role.nameEn : role.name) : code;
}

/** `Asia/Shanghai` → `中国标准时间（Asia/Shanghai）`, as the browser names the zone. */
export function zoneName(zone: string, locale: string): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part ? `${part.value}（${zone}）` : zone;
  } catch {
    return zone;
  }
}

/** A setting's value as one line a person reads, in the console's language. */
export function describeValue(
  kind: SettingKind,
  value: unknown,
  t: TFunction,
  dispatchMode: (m: DispatchMode) => string,
  locale: string,
): string {
  const english = locale === 'en';
  const sep = english ? '; ' : '；';
  const join = english ? ', ' : '、';
  const colon = english ? ': ' : '：';
  const field = (k: string) => t(`settingDefs.fields.${k}`, { defaultValue: k });
  switch (kind.type) {
    case 'number':
      return kind.unit === 'percent'
        ? `${num(value)}%`
        : `${num(value)}${kind.unit ? ` ${t(`settingDefs.units.${kind.unit}`)}` : ''}`;
    case 'megabytes':
      return `${Math.round((num(value) / MB) * 100) / 100} MB`;
    case 'boolean':
      return value ? t('settingDefs.yes') : t('settingDefs.no');
    case 'text':
      return String(value ?? '') || t('settingDefs.none');
    case 'timezone':
      return zoneName(String(value), locale);
    case 'dispatchMode':
      return dispatchMode(value as DispatchMode);
    case 'quietHours': {
      const v = obj(value);
      return `${v.start}–${v.end}`;
    }
    case 'warnings': {
      const v = obj(value);
      const fractions = list(v.fractions).map((f) => `${Math.round(num(f) * 100)}%`);
      const before = list(v.minutesBefore).map((m) => `${m}`);
      return [
        fractions.length ? `${field('fractions')}${colon}${fractions.join(join)}` : null,
        before.length ? `${field('minutesBefore')}${colon}${before.join(join)}` : null,
      ]
        .filter(Boolean)
        .join(sep);
    }
    case 'escalation':
      return Object.entries(obj(value))
        .map(
          ([k, roles]) =>
            `${field(k)}${colon}${
              list(roles)
                .map((r) => roleName(String(r), english))
                .join(join) || t('settingDefs.none')
            }`,
        )
        .join(sep);
    case 'roles':
      return (
        list(value)
          .map((r) => roleName(String(r), english))
          .join(join) || t('settingDefs.none')
      );
    case 'numberList':
      return (
        list(value)
          .map((n) => `${num(n)} ${t(`settingDefs.units.${kind.unit}`)}`)
          .join(join) || t('settingDefs.none')
      );
    case 'tags':
      return list(value).map(String).join(join) || t('settingDefs.none');
    case 'url':
      return String(value ?? '') ? t('settingDefs.urlSet') : t('settingDefs.none');
    case 'windows':
      return (
        list(value)
          .map(obj)
          .map((w) => `${w.label} ${w.from}–${w.to}`)
          .join(join) || t('settingDefs.none')
      );
    case 'providers':
      return ['sms', 'wechat', 'email']
        .map((k) => `${field(k)}${colon}${t(`settingDefs.providers.${String(obj(value)[k] ?? 'log')}`)}`)
        .join(sep);
    case 'phrases':
    case 'standard':
    case 'textList':
      return `${kind.type === 'standard' ? Object.keys(obj(value)).length : list(value).length} ${t('settingDefs.units.items')}`;
    case 'checklist': {
      const items = list(value).map(obj);
      const total = items.reduce((sum, i) => sum + num(i.weight ?? 0), 0);
      return `${items.length} ${t('settingDefs.units.items')}${english ? ', ' : '，'}${total} ${field('weight')}`;
    }
    default:
      return Object.entries(obj(value))
        .map(([k, v]) => `${field(k)}${colon}${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(sep);
  }
}

/** The value cell of the settings table. */
export function SettingValue({ settingKey, value }: { settingKey: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  const sv = useServiceVocab();
  const text = describeValue(kindOf(settingKey, value), value, t, sv.dispatchMode, i18n.language);
  return <span data-testid={`setting-value-${settingKey}`}>{text}</span>;
}
