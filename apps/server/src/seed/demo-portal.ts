import { and, asc, eq, like } from 'drizzle-orm';
import { buildings, units } from '../modules/org/schema';
import { loadPortalContext } from '../modules/portal/context';
import { rejectBinding } from '../modules/portal/decide-binding';
import { requestBinding, requestMember } from '../modules/portal/request-binding';
import { residentPhones, residentUnits } from '../modules/residents/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

/**
 * Portal requests at the first project's desk, through the real commands: a new owner waiting for his
 * binding, an owner adding a tenant, and a binding the desk rejected (its reason shows in the portal).
 */
export async function seedDemoPortal(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return '0 portal requests';
  const [building] = await db
    .select()
    .from(buildings)
    .where(eq(buildings.projectId, project.id))
    .orderBy(asc(buildings.sortOrder), asc(buildings.id))
    .limit(1);
  const free = building
    ? await db
        .select({ id: units.id })
        .from(units)
        .where(eq(units.buildingId, building.id))
        .orderBy(asc(units.label))
        .limit(2)
    : [];
  const [owner] = await db
    .select({ phone: residentPhones.e164, unitId: residentUnits.unitId })
    .from(residentUnits)
    .innerJoin(residentPhones, eq(residentPhones.residentId, residentUnits.residentId))
    .where(
      and(
        eq(residentUnits.projectId, project.id),
        eq(residentUnits.relation, '业主'),
        like(residentPhones.e164, '+861%'),
      ),
    )
    .orderBy(asc(residentUnits.residentId))
    .limit(1);
  if (free.length < 2 || !owner) return '0 portal requests';
  const asPhone = (phone: string) => loadPortalContext(db, { id: 0, companyId: boot.companyId, phone });
  const desk = seedAdmin(boot, [project.id]);

  await requestBinding(services, await asPhone('+8613761234501'), {
    unitId: free[0]!.id,
    name: '陈晓东',
    relation: '业主',
    note: '上月刚收房,房产证在办理中,附购房合同首页',
    attachments: [],
  });
  await requestMember(services, await asPhone(owner.phone), {
    unitId: owner.unitId,
    name: '李雪',
    phone: '13761234502',
    relation: '租户',
    leaseEndsOn: '2027-06-30',
    note: '房屋出租,租期一年',
  });
  const rejected = await requestBinding(services, await asPhone('+8613761234503'), {
    unitId: free[1]!.id,
    name: '周杰',
    relation: '家属',
    note: null,
    attachments: [],
  });
  await rejectBinding(
    services,
    desk,
    rejected.id,
    rejected.version,
    '业主未确认此家属信息,请业主在门户中添加或到服务中心办理',
  );
  return '3 portal requests';
}
