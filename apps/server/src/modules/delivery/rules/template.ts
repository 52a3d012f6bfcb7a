/** Variables a message template may use; anything else is refused when the template is saved. */
export const TEMPLATE_VARIABLES = [
  'resident.name',
  'unit.label',
  'project.name',
  'incident.kind',
  'incident.until',
  'notice.expiresAt',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** Names used in a template, in order of first use. */
export function templateVariables(template: string): string[] {
  const seen: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1] && !seen.includes(m[1])) seen.push(m[1]);
  return seen;
}

export function unknownVariables(template: string): string[] {
  return templateVariables(template).filter((v) => !(TEMPLATE_VARIABLES as readonly string[]).includes(v));
}

/**
 * Fill {{variable}} placeholders. A known variable without a value renders as the fallback
 * (a greeting reads "尊敬的住户" rather than "尊敬的"); unknown names are left untouched so a typo
 * is visible in the delivery log instead of silently vanishing.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
  fallback: TemplateValues = {},
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) return whole;
    const key = name as TemplateVariable;
    return values[key] ?? fallback[key] ?? '';
  });
}

/** The defaults residents see when a value is missing. */
export const TEMPLATE_FALLBACKS: TemplateValues = {
  'resident.name': '住户',
  'unit.label': '您的房屋',
  'incident.until': '另行通知',
};
