import { and, asc, eq } from 'drizzle-orm';
import { verifyAtGate } from '../modules/frontdesk/gate';
import { applyAtDesk, approveRelease } from '../modules/frontdesk/item-releases';
import { addKey, checkoutKey, lendItem } from '../modules/frontdesk/keys-loans';
import { deskMove } from '../modules/frontdesk/moves';
import { deliverParcel, logParcel, pickupParcel } from '../modules/frontdesk/parcels';
import { preRegisterVisitor, registerVisitor } from '../modules/frontdesk/visitor-passes';
import { units } from '../modules/org/schema';
import type { PortalContext } from '../modules/portal/context';
import { residentPhones, residents, residentUnits } from '../modules/residents/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

const HOUR = 3_600_000;

/**
 * 前台服务 demo, through the real commands: visitors at the desk and the gate (one used, one revoked,
 * a milkman's long-term pass, a resident's invitation, one waiting for its host), a morning's parcels,
 * item-release slips in each state, the key cabinet with one key out, and two loans.
 */
export async function seedDemoFrontdesk(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no project';
  const auth = seedAdmin(boot, [project.id]);
  const now = services.clock.now();
  const homes = await db
    .select({
      unitId: units.id,
      label: units.label,
      buildingId: units.buildingId,
      residentId: residents.id,
      name: residents.name,
      relation: residentUnits.relation,
      phone: residentPhones.e164,
    })
    .from(residentUnits)
    .innerJoin(units, eq(units.id, residentUnits.unitId))
    .innerJoin(residents, eq(residents.id, residentUnits.residentId))
    .innerJoin(
      residentPhones,
      and(eq(residentPhones.residentId, residents.id), eq(residentPhones.kind, 'mobile')),
    )
    .where(and(eq(units.projectId, project.id), eq(residentUnits.relation, '业主')))
    .orderBy(asc(units.id))
    .limit(12);
  if (homes.length < 6) return 'too few residents';
  const h = (i: number) => homes[i % homes.length]!;
  const projectId = project.id;

  // —— 访客 ——
  const walkIns = [
    { visitorName: '李师傅', purpose: '送家具', plate: '沪A6K218', uses: 2 },
    { visitorName: '陈女士', purpose: '探亲', plate: '', uses: 1 },
    { visitorName: '周先生', purpose: '看房（中介陪同）', plate: '沪B88K01', uses: 1 },
    { visitorName: '美团跑腿', purpose: '送药', plate: '', uses: 1 },
  ];
  const passes = [];
  for (const [i, w] of walkIns.entries())
    passes.push(
      await registerVisitor(services, auth, {
        projectId,
        unitId: h(i).unitId,
        phone: '',
        headcount: 1,
        longTerm: false,
        hostConfirm: false,
        at: i % 2 ? 'gate' : 'desk',
        ...w,
      }),
    );
  await verifyAtGate(services, auth, passes[0]!.code);
  await verifyAtGate(services, auth, passes[1]!.code);
  await deskMove(services, auth, 'visitor', passes[3]!.id, 'revoke', { reason: '住户表示未叫跑腿' });
  await registerVisitor(services, auth, {
    projectId,
    unitId: null,
    visitorName: '光明牛奶 王建华',
    phone: '13761230045',
    plate: '',
    purpose: '每日送奶（常驻出入证）',
    headcount: 1,
    uses: null,
    longTerm: true,
    hostConfirm: false,
    at: 'desk',
  });
  await registerVisitor(services, auth, {
    projectId,
    unitId: h(4).unitId,
    visitorName: '装修设计师 林工',
    phone: '',
    plate: '',
    purpose: '量房',
    headcount: 2,
    uses: 1,
    longTerm: false,
    hostConfirm: true,
    at: 'gate',
  });
  const host = h(0);
  const portal: PortalContext = {
    sessionId: 0,
    companyId: boot.companyId,
    company: { code: null, name: '' },
    phone: host.phone,
    residents: [{ id: host.residentId, projectId, name: host.name }],
    units: [
      {
        id: host.unitId,
        projectId,
        buildingId: host.buildingId,
        label: host.label,
        relation: '业主',
        residentId: host.residentId,
      },
    ],
  };
  await preRegisterVisitor(services, portal, {
    unitId: host.unitId,
    visitorName: '表妹 张小雨',
    phone: '',
    plate: '浙A3C520',
    purpose: '周末来访',
    headcount: 1,
    uses: 2,
    validUntil: new Date(now.getTime() + 48 * HOUR).toISOString(),
  });

  // —— 快递 ——
  const carriers = ['顺丰', '京东', '中通', '圆通', '邮政', '韵达', '极兔', '顺丰'];
  const parcels = [];
  for (const [i, carrier] of carriers.entries())
    parcels.push(
      await logParcel(services, auth, {
        projectId,
        unitId: i % 3 === 0 ? h(i).unitId : null,
        phone: i % 3 === 0 ? '' : h(i).phone,
        carrier,
        shelf: `${String.fromCharCode(65 + (i % 3))}-0${(i % 4) + 1}`,
        recipientName: '',
        kind: i === 4 ? '信件' : '包裹',
        toDoor: i === 5,
      }),
    );
  await pickupParcel(services, auth, parcels[0]!.id, { pickupCode: String(parcels[0]!.details.pickupCode) });
  await pickupParcel(services, auth, parcels[1]!.id, { signedName: h(1).name });
  await deliverParcel(services, auth, parcels[5]!.id);

  // —— 物品放行 ——
  const today = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 32 * HOUR).toISOString().slice(0, 10);
  const release = (i: number, items: { name: string; qty: number }[], date: string) =>
    applyAtDesk(services, auth, {
      projectId,
      unitId: h(i).unitId,
      applicantName: h(i).name,
      phone: h(i).phone,
      relation: '业主',
      ownerConsent: '',
      items,
      releaseDate: date,
      plate: '',
    });
  await release(2, [{ name: '旧冰箱', qty: 1 }], tomorrow);
  const approved = await release(
    3,
    [
      { name: '书柜', qty: 2 },
      { name: '纸箱', qty: 6 },
    ],
    tomorrow,
  );
  await approveRelease(services, auth, approved.id, { version: approved.version, acknowledgeFlags: true });
  const gone = await release(5, [{ name: '旧沙发', qty: 1 }], today);
  const ok = await approveRelease(services, auth, gone.id, { version: gone.version, acknowledgeFlags: true });
  await verifyAtGate(services, auth, ok.code);

  // —— 钥匙 ——
  const keys = [
    {
      name: `${h(6).label} 户门钥匙`,
      category: '户内钥匙' as const,
      unitId: h(6).unitId,
      location: '钥匙柜 A-01',
    },
    {
      name: `${h(7).label} 户门钥匙`,
      category: '户内钥匙' as const,
      unitId: h(7).unitId,
      location: '钥匙柜 A-02',
    },
    { name: '1栋水泵房', category: '设备房' as const, unitId: null, location: '钥匙柜 B-01' },
    { name: '地下室配电房', category: '设备房' as const, unitId: null, location: '钥匙柜 B-02' },
  ];
  const keyRows = [];
  for (const k of keys)
    keyRows.push(await addKey(services, auth, { projectId, note: '', agreementUploadId: null, ...k }));
  await checkoutKey(services, auth, keyRows[2]!.id, {
    borrowerName: '工程部 王师傅',
    phone: '',
    purpose: '水泵例行保养',
    signedName: '王师傅',
    expectedReturnAt: new Date(now.getTime() + 3 * HOUR).toISOString(),
  });

  // —— 借用 ——
  await lendItem(services, auth, {
    projectId,
    category: '轮椅',
    itemName: '轮椅 1 号',
    unitId: h(8).unitId,
    borrowerName: h(8).name,
    phone: h(8).phone,
    idKind: '身份证',
    idLast4: '3021',
    expectedReturnAt: new Date(now.getTime() + 48 * HOUR).toISOString(),
  });
  const umbrella = await lendItem(services, auth, {
    projectId,
    category: '雨伞',
    itemName: '爱心雨伞',
    unitId: h(9).unitId,
    borrowerName: h(9).name,
    phone: h(9).phone,
    idKind: '身份证',
    idLast4: '5512',
    expectedReturnAt: new Date(now.getTime() + 24 * HOUR).toISOString(),
  });
  await deskMove(services, auth, 'loan', umbrella.id, 'return');
  return `${passes.length + 3} visitor passes, ${parcels.length} parcels, 3 item releases, ${keys.length} keys, 2 loans`;
}
