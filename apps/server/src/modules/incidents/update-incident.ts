import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import type { IncidentPatch } from './inputs';
import { incidentInScope } from './queries';
import { incidents } from './schema';
import { assertScopeIds } from './validate';

/** Wording, expected end and categories of an ongoing incident (agents read the script live). */
export async function updateIncident(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  patch: IncidentPatch,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const i = checkVersion(await incidentInScope(tx, auth, id, true), patch.version, 'Incident');
    if (i.status !== '进行中')
      throw conflict('A restored incident can no longer be edited', { status: i.status });
    const { version: _v, ...fields } = patch;
    const changes = definedOnly(fields);
    if (changes.categoryIds)
      await assertScopeIds(tx, i.companyId, i.projectId, { categoryIds: changes.categoryIds });
    const values = { ...changes, agentScript: changes.agentScript ?? undefined };
    const [row] = await tx
      .update(incidents)
      .set({ ...values, version: i.version + 1, updatedAt: now })
      .where(eq(incidents.id, i.id))
      .returning();
    if (!row) throw new Error('incident vanished inside its transaction');
    const d = diff(i as Record<string, unknown>, values as Record<string, unknown>);
    if (d)
      await recordEvent(tx, userActor(auth), now, {
        action: 'incident.updated',
        entityType: 'incident',
        entityId: i.id,
        projectId: i.projectId,
        ...d,
      });
    return row;
  });
}
