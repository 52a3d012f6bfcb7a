import { and, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { warnOnce } from '../log/log-fault';
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
  if (parsed.success) return parsed.data;
  // A stored value that no longer fits the definition falls back to the seed default rather than break a
  // rule, and says so: an operator has a value to fix.
  warnOnce(
    `setting:${definition.key}:${chosen.scope}:${JSON.stringify(chosen.value)}`,
    'stored setting is not valid; using the default',
    {
      key: definition.key,
      scope: chosen.scope,
      companyId: scope.companyId,
      projectId: scope.projectId ?? null,
      stored: chosen.value,
      fallback: definition.defaultValue,
    },
  );
  return definition.defaultValue;
}
