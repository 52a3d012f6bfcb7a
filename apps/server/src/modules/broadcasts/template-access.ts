import { and, eq, isNull } from 'drizzle-orm';
import { type AuthContext, assertCan, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { messageTemplates } from './schema';

export type Ctx = Pick<Services, 'database' | 'clock'>;

/** Company-wide templates are the company's settings; a project's own ones are its notice writers'. */
export function assertMayWrite(auth: AuthContext, projectId: number | null | undefined): void {
  if (projectId) assertInScope(auth, projectId, 'Project');
  else assertCan(auth, 'settings.write');
}

export async function assertCodeFree(tx: DbOrTx, companyId: number, projectId: number | null, code: string) {
  const [clash] = await tx
    .select({ id: messageTemplates.id })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.companyId, companyId),
        projectId ? eq(messageTemplates.projectId, projectId) : isNull(messageTemplates.projectId),
        eq(messageTemplates.code, code),
      ),
    );
  if (clash) throw conflict('A template with this code exists at this level', { code, id: clash.id });
}
