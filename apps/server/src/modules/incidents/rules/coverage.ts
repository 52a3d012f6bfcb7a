import type { IncidentStatus } from '../schema';

export interface IncidentScope {
  status: IncidentStatus;
  startsAt: Date;
  buildingIds: readonly number[];
  unitIds: readonly number[];
  categoryIds: readonly number[];
}

export interface Place {
  unitId: number;
  buildingId: number;
  /** Root-first ids of the ticket's category, when one is chosen. */
  categoryPathIds?: readonly number[] | null;
}

/** In scope: the whole project when no building or unit is named, else a named building or unit. */
export function coversPlace(i: Pick<IncidentScope, 'buildingIds' | 'unitIds'>, p: Place): boolean {
  if (!i.buildingIds.length && !i.unitIds.length) return true;
  return i.buildingIds.includes(p.buildingId) || i.unitIds.includes(p.unitId);
}

/** A category under any of the incident's categories (or any category when it names none). */
export function coversCategory(
  i: Pick<IncidentScope, 'categoryIds'>,
  path: readonly number[] | null | undefined,
) {
  if (!i.categoryIds.length || !path?.length) return true;
  return path.some((id) => i.categoryIds.includes(id));
}

/** An ongoing, already-started incident that explains a problem at this unit in this category. */
export function incidentMatches(i: IncidentScope, p: Place, now: Date): boolean {
  return (
    i.status === '进行中' &&
    i.startsAt.getTime() <= now.getTime() &&
    coversPlace(i, p) &&
    coversCategory(i, p.categoryPathIds)
  );
}
