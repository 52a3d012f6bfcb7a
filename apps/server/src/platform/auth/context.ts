import type { Permission } from '@guanjia/shared';
import { forbidden, notFound } from '../http/errors';

/** Who is calling, resolved once per request from the session token. */
export interface AuthContext {
  userId: number;
  companyId: number;
  username: string;
  displayName: string;
  locale: string;
  permissions: ReadonlySet<Permission>;
  /** The data scope, resolved to ids (an all-projects user gets every project of the company). */
  projectIds: readonly number[];
  allProjects: boolean;
  /**
   * The finer data scope of a user limited to 片区 (a 管家): the buildings of those zones. Null = no zone
   * limit (the project scope alone), which is every user without zones, so nothing changes for them;
   * absent on contexts the system builds for itself (mail intake, IVR, the portal, seeds).
   */
  zoneBuildingIds?: readonly number[] | null;
  zoneIds?: readonly number[] | null;
  sessionId: number;
}

export const can = (auth: AuthContext, permission: Permission) => auth.permissions.has(permission);

export function assertCan(auth: AuthContext, permission: Permission): void {
  if (!can(auth, permission)) throw forbidden(permission);
}

export function inScope(auth: AuthContext, projectId: number): boolean {
  return auth.projectIds.includes(projectId);
}

/** Out-of-scope records answer 404 exactly like missing ones: their existence is not disclosed. */
export function assertInScope(auth: AuthContext, projectId: number, what: string): void {
  if (!inScope(auth, projectId)) throw notFound(what);
}
