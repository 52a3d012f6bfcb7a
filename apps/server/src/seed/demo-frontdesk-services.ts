import { wallClockInstant, zonedDay } from '@guanjia/shared';
import { asc, eq } from 'drizzle-orm';
import { applyDecoration } from '../modules/decoration/apply-decoration';
import {
  actOnDecoration,
  recordDeposit,
  recordSeepageTest,
  signAgreement,
} from '../modules/decoration/decoration-steps';
import { generateInspections } from '../modules/decoration/inspections';
import { placeBooking } from '../modules/facilities/place-booking';
import { createFacility } from '../modules/facilities/save-facility';
import { addDefect, openMoveIn, recordStep } from '../modules/move-ins/move-in-commands';
import { units } from '../modules/org/schema';
import { addDays } from '../modules/patrol/rules/schedule';
import { userActor } from '../platform/auth/actor';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

/**
 * 前台服务 demo: three bookable facilities with bookings over the coming days, a decoration site in
 * progress (its inspection task of today) and a fresh portal-style application, and a move-in case
 * half done with a long defect — all through the real commands.
 */
export async function seedDemoFrontDeskServices(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no project';
  const auth = seedAdmin(boot, [project.id]);
  const now = services.clock.now();
  const tz = project.timezone;
  const today = zonedDay(now, tz);
  const us = await db
    .select({ id: units.id })
    .from(units)
    .where(eq(units.projectId, project.id))
    .orderBy(asc(units.id))
    .limit(8);
  if (us.length < 6) return 'too few units';
  const base = {
    projectId: project.id,
    active: true,
    bookLeadMinutes: 0,
    changeLeadMinutes: 60,
    cancelLeadMinutes: 60,
    noShowGraceMinutes: 15,
    offerMinutes: 30,
  };
  const gym = await createFacility(services, auth, {
    ...base,
    name: '健身房',
    kind: 'gym',
    location: '会所一层',
    openFrom: '06:00',
    openTo: '22:00',
    slotMinutes: 60,
    minSlots: 1,
    maxSlots: 2,
    advanceDays: 7,
    bufferMinutes: 0,
    capacity: 8,
    weeklyQuota: 5,
    needsApproval: false,
    feePerSlotFen: 0,
  });
  const hall = await createFacility(services, auth, {
    ...base,
    name: '会所多功能厅',
    kind: 'clubhouse',
    location: '会所二层',
    openFrom: '09:00',
    openTo: '21:00',
    slotMinutes: 60,
    minSlots: 2,
    maxSlots: 6,
    advanceDays: 30,
    bufferMinutes: 60,
    capacity: 1,
    weeklyQuota: 1,
    needsApproval: true,
    feePerSlotFen: 5000,
  });
  const court = await createFacility(services, auth, {
    ...base,
    name: '羽毛球场',
    kind: 'court',
    location: '地下一层',
    openFrom: '07:00',
    openTo: '22:00',
    slotMinutes: 30,
    minSlots: 2,
    maxSlots: 4,
    advanceDays: 7,
    bufferMinutes: 0,
    capacity: 2,
    weeklyQuota: 3,
    needsApproval: false,
    feePerSlotFen: 1500,
  });
  const plan: [number, number, number, string, string][] = [
    [gym.id, 0, 1, '19:00', '20:00'],
    [gym.id, 1, 1, '19:00', '20:00'],
    [gym.id, 2, 2, '07:00', '08:00'],
    [court.id, 3, 1, '18:00', '19:00'],
    [court.id, 4, 2, '20:00', '21:00'],
    [hall.id, 5, 3, '14:00', '17:00'],
  ];
  let booked = 0;
  for (const [facilityId, u, dayAhead, from, to] of plan) {
    const day = addDays(today, dayAhead);
    await db.transaction((tx) =>
      placeBooking(tx, userActor(auth), now, {
        facilityId,
        unitId: us[u]!.id,
        startsAt: wallClockInstant(day, from, tz),
        endsAt: wallClockInstant(day, to, tz),
        people: 1,
        note: '',
        source: 'desk',
        residentId: null,
        contactName: '前台代订',
        contactPhone: '',
        createdBy: boot.adminId,
      }),
    );
    booked++;
  }

  const site = await db.transaction((tx) =>
    applyDecoration(tx, userActor(auth), now, {
      unitId: us[1]!.id,
      applicantName: '王芳',
      applicantPhone: '13912340001',
      company: '上海美家装饰工程有限公司',
      companyLicence: '91310115MA1K3XXXX',
      foreman: '刘建国',
      foremanPhone: '13900002222',
      scope: '厨卫翻新、客厅吊顶、木地板铺设',
      startsOn: addDays(today, -5),
      endsOn: addDays(today, 40),
      planUploadIds: [],
      workers: [
        { name: '刘建国', idNumber: '', phone: '13900002222', trade: '泥工' },
        { name: '陈小军', idNumber: '', phone: '', trade: '水电' },
        { name: '赵大海', idNumber: '', phone: '', trade: '木工' },
      ],
      companyId: boot.companyId,
      projectId: project.id,
      source: 'desk',
    }),
  );
  let v = (await signAgreement(services, auth, site.id, { signedBy: '王芳', version: site.version })).version;
  v = (await recordDeposit(services, auth, site.id, { amountFen: 200_000, method: 'wechat', version: v }))
    .version;
  v = (
    await recordSeepageTest(services, auth, site.id, {
      passed: true,
      ownerSigned: true,
      note: '24小时无渗漏',
      version: v,
    })
  ).version;
  v = (await actOnDecoration(services, auth, site.id, { action: 'approve', note: '', version: v })).version;
  await actOnDecoration(services, auth, site.id, { action: 'start', note: '', version: v });
  await db.transaction((tx) =>
    applyDecoration(tx, { userId: null, companyId: boot.companyId, source: 'channel' }, now, {
      unitId: us[2]!.id,
      applicantName: '李娜',
      applicantPhone: '13700001234',
      company: '',
      companyLicence: '',
      foreman: '',
      foremanPhone: '',
      scope: '阳台封窗、墙面翻新',
      startsOn: addDays(today, 10),
      endsOn: addDays(today, 30),
      planUploadIds: [],
      workers: [],
      companyId: boot.companyId,
      projectId: project.id,
      source: 'portal',
    }),
  );
  await generateInspections(services);

  const m = await openMoveIn(services, auth, {
    unitId: us[5]!.id,
    ownerName: '周敏',
    ownerPhone: '13811112222',
    delegateName: '',
    note: '',
  });
  let mv = (
    await recordStep(services, auth, m.id, {
      step: 'documents',
      items: ['身份证原件及复印件', '入住通知书'],
      readings: [],
      note: '',
      version: m.version,
    })
  ).version;
  mv = (
    await recordStep(services, auth, m.id, {
      step: 'agreements',
      items: ['住宅使用公约', '装修管理协议'],
      readings: [],
      note: '',
      version: mv,
    })
  ).version;
  await recordStep(services, auth, m.id, {
    step: 'inspection',
    items: [],
    readings: [],
    note: '联合验房，发现2处问题',
    version: mv,
  });
  await addDefect(services, auth, m.id, {
    location: '主卧窗框',
    description: '密封胶开裂',
    fixDays: 2,
    photoIds: [],
  });
  await addDefect(services, auth, m.id, {
    location: '客厅地面',
    description: '地砖空鼓需返工',
    fixDays: 20,
    photoIds: [],
  });
  return `3 facilities, ${booked} bookings, 2 decoration cases, 1 move-in`;
}
