import { and, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { SettingDefinition } from './registry';
import { settings } from './schema';

export interface SettingScope {
  companyId: number;
  projectId?: number | null;
}

/** Product default → company override → project override; the most specific one wins. */
export async function getSetting<T>(
  db: DbOrTx,
  definition: SettingDefinition<T>,
  scope: SettingScope,
): Promise<T> {
  const rows = await db
    .select({ scope: settings.scope, value: settings.value })
    .from(settings)
    .where(
      and(
        eq(settings.key, definition.key),
        or(
          and(eq(settings.scope, 'company'), eq(settings.scopeId, scope.companyId)),
          scope.projectId
            ? and(eq(settings.scope, 'project'), eq(settings.scopeId, scope.projectId))
            : undefined,
        ),
      ),
    );
  const chosen = rows.find((r) => r.scope === 'project') ?? rows.find((r) => r.scope === 'company');
  if (!chosen) return definition.defaultValue;
  const parsed = definition.schema.safeParse(chosen.value);
  // A stored value that no longer fits the definition falls back to the seed default rather than break a rule.
  return parsed.success ? parsed.data : definition.defaultValue;
}
