import type { Booking } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import type { DbOrTx } from '../../platform/db/client';
import { sendRowsAsXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';
import { projectZones } from '../org/queries';

const STATE: Record<Booking['state'], string> = {
  pending: '待审批',
  confirmed: '已确认',
  checked_in: '已签到',
  completed: '已完成',
  cancelled: '已取消',
  rejected: '已驳回',
  no_show: '爽约',
};
/** A booking with its project's zone: the list may span projects, each row on its own clock. */
type Row = Booking & { timeZone: string };
const columns: XlsxColumn<Row>[] = [
  { header: '场地', width: 16, value: (b) => b.facilityName },
  { header: '房屋', width: 14, value: (b) => b.unitLabel },
  { header: '联系人', width: 10, value: (b) => b.contactName },
  { header: '电话', width: 14, value: (b) => b.contactPhone },
  { header: '开始', width: 18, value: (b) => zonedTime(b.startsAt, b.timeZone) },
  { header: '结束', width: 18, value: (b) => zonedTime(b.endsAt, b.timeZone) },
  { header: '人数', width: 6, value: (b) => b.people },
  { header: '状态', width: 8, value: (b) => STATE[b.state] },
  { header: '费用(元)', width: 10, value: (b) => b.feeFen / 100 },
  { header: '签到时间', width: 18, value: (b) => zonedTime(b.checkedInAt, b.timeZone) },
];

/** 场地预约登记表, times on each booking's project clock. */
export async function sendBookingsXlsx(db: DbOrTx, reply: FastifyReply, items: Booking[], total: number) {
  const zoneOf = await projectZones(
    db,
    items.map((b) => b.projectId),
  );
  return sendRowsAsXlsx(reply, {
    filename: '场地预约登记表.xlsx',
    sheetName: '场地预约',
    columns,
    rows: items.map((b) => ({ ...b, timeZone: zoneOf(b.projectId) })),
    total,
  });
}
