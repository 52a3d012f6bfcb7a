import type { buildings, projects, units } from './schema';

export const presentProject = (p: typeof projects.$inferSelect) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  kind: p.kind,
  address: p.address,
  households: p.households,
  areaM2: p.areaM2,
  servicePhone: p.servicePhone,
  areaCode: p.areaCode,
  timezone: p.timezone,
  businessHours: p.businessHours,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

export const presentBuilding = (b: typeof buildings.$inferSelect) => ({
  id: b.id,
  projectId: b.projectId,
  code: b.code,
  name: b.name,
  floors: b.floors,
  entrances: b.entrances,
  sortOrder: b.sortOrder,
  version: b.version,
});

export const presentUnit = (u: typeof units.$inferSelect) => ({
  id: u.id,
  projectId: u.projectId,
  buildingId: u.buildingId,
  entrance: u.entrance,
  floor: u.floor,
  room: u.room,
  label: u.label,
  type: u.type,
  status: u.status,
  areaM2: u.areaM2,
  handoverDate: u.handoverDate,
  warrantyUntil: u.warrantyUntil,
  version: u.version,
});
