import type { Booking } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { sendRowsAsXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';

const STATE: Record<Booking['state'], string> = {
  pending: '待审批',
  confirmed: '已确认',
  checked_in: '已签到',
  completed: '已完成',
  cancelled: '已取消',
  rejected: '已驳回',
  no_show: '爽约',
};
const TZ = 'Asia/Shanghai';
const columns: XlsxColumn<Booking>[] = [
  { header: '场地', width: 16, value: (b) => b.facilityName },
  { header: '房屋', width: 14, value: (b) => b.unitLabel },
  { header: '联系人', width: 10, value: (b) => b.contactName },
  { header: '电话', width: 14, value: (b) => b.contactPhone },
  { header: '开始', width: 18, value: (b) => zonedTime(b.startsAt, TZ) },
  { header: '结束', width: 18, value: (b) => zonedTime(b.endsAt, TZ) },
  { header: '人数', width: 6, value: (b) => b.people },
  { header: '状态', width: 8, value: (b) => STATE[b.state] },
  { header: '费用(元)', width: 10, value: (b) => b.feeFen / 100 },
  { header: '签到时间', width: 18, value: (b) => zonedTime(b.checkedInAt, TZ) },
];

/** 场地预约登记表. */
export function sendBookingsXlsx(reply: FastifyReply, items: Booking[], total: number) {
  return sendRowsAsXlsx(reply, {
    filename: '场地预约登记表.xlsx',
    sheetName: '场地预约',
    columns,
    rows: items,
    total,
  });
}
