import type { Patrol } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { sendRowsAsXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';

type Row = { patrol: Patrol; check: Patrol['checks'][number]; timeZone: string };

const columns: XlsxColumn<Row>[] = [
  { header: '巡检路线', width: 16, value: (r) => r.patrol.routeName },
  { header: '开始时间', width: 17, value: (r) => zonedTime(r.patrol.startsAt, r.timeZone) },
  { header: '巡检状态', width: 8, value: (r) => r.patrol.status },
  { header: '序号', width: 6, value: (r) => r.check.seq },
  { header: '巡检点', width: 16, value: (r) => r.check.name },
  { header: '位置', width: 18, value: (r) => r.check.place },
  { header: '应到开始', width: 17, value: (r) => zonedTime(r.check.windowFrom, r.timeZone) },
  { header: '应到结束', width: 17, value: (r) => zonedTime(r.check.windowTo, r.timeZone) },
  { header: '打卡时间', width: 17, value: (r) => zonedTime(r.check.scannedAt, r.timeZone) },
  { header: '打卡人', width: 10, value: (r) => r.check.scannedByName },
  { header: '评定', width: 8, value: (r) => r.check.grade ?? '未到时' },
];

/** 巡检记录: one row per point of each patrol, with its grade, times on the project's clock. */
export function sendPatrolXlsx(reply: FastifyReply, items: Patrol[], total: number, timeZone: string) {
  return sendRowsAsXlsx(reply, {
    filename: '巡检记录.xlsx',
    sheetName: '巡检记录',
    columns,
    rows: items.flatMap((patrol) => patrol.checks.map((check) => ({ patrol, check, timeZone }))),
    total,
  });
}
