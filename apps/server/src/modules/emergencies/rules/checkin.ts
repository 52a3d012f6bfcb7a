import { parseQrCode } from '@guanjia/shared';

/**
 * Does a scanned label prove presence at the incident? It must be a building label of the incident's
 * project and — when the incident names a building — that building. Returns the reason it does not.
 */
export function checkinProblem(
  scanned: string,
  place: { projectId: number; buildingCode: string | null },
): string | null {
  const qr = parseQrCode(scanned);
  if (!qr) return 'not a Guanjia label';
  if (qr.kind !== 'building') return 'not a building label';
  if (qr.projectId !== place.projectId) return 'a label of another project';
  if (place.buildingCode !== null && qr.code !== place.buildingCode) return 'a label of another building';
  return null;
}
