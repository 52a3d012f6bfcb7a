import type {
  AnalyticsDashboard,
  AnalyticsDrillList,
  AnalyticsSeries,
  HealthLeague,
} from '@guanjia/shared/api';
import { messageLocale } from '../../platform/http/i18n/request-locale';
import { LABELS_EN } from './labels.en';

export type LabelLocale = 'zh-CN' | 'en';

/**
 * The language of the dashboards' labels: Chinese unless the caller asks for English. Unlike error
 * messages, a caller that names no language (an export script) reads the labels as written.
 */
export function labelLocale(acceptLanguage: string | string[] | undefined): LabelLocale {
  return acceptLanguage && acceptLanguage.length > 0 ? messageLocale(acceptLanguage) : 'zh-CN';
}

/** One label in the caller's language; a label nobody translated (a category's own name) stays as it is. */
export function labelIn(locale: LabelLocale, label: string): string {
  return locale === 'en' ? (LABELS_EN[label] ?? label) : label;
}

function localizeSeries(locale: LabelLocale, s: AnalyticsSeries): AnalyticsSeries {
  const l = (x: string) => labelIn(locale, x);
  return {
    ...s,
    label: l(s.label),
    categories: s.categories.map(l),
    data: s.data.map((d) => ({ ...d, name: l(d.name) })),
  };
}

export function localizeDashboard(locale: LabelLocale, d: AnalyticsDashboard): AnalyticsDashboard {
  if (locale !== 'en') return d;
  const l = (x: string) => labelIn(locale, x);
  return {
    ...d,
    title: l(d.title),
    cards: d.cards.map((c) => ({
      ...c,
      label: l(c.label),
      base: c.base && { ...c.base, label: l(c.base.label) },
    })),
    series: d.series.map((s) => localizeSeries(locale, s)),
  };
}

export function localizeDrill(locale: LabelLocale, list: AnalyticsDrillList): AnalyticsDrillList {
  if (locale !== 'en') return list;
  return {
    ...list,
    label: labelIn(locale, list.label),
    columns: list.columns.map((c) => ({ ...c, label: labelIn(locale, c.label) })),
  };
}

export function localizeHealth(locale: LabelLocale, league: HealthLeague): HealthLeague {
  if (locale !== 'en') return league;
  return {
    ...league,
    regions: league.regions.map((r) => ({
      ...r,
      projects: r.projects.map((p) => ({
        ...p,
        parts: p.parts.map((part) => ({ ...part, label: labelIn(locale, part.label) })),
      })),
    })),
  };
}
