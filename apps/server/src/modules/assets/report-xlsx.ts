import type { MaintenanceReport } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { loadExcelJs, sendXlsx, styleHeaderRow, workbookBuffer } from '../../platform/http/xlsx';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** R12 as a workbook for the monthly engineering meeting: by system, availability, MTTR. */
export async function sendReportXlsx(reply: FastifyReply, r: MaintenanceReport) {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  const s1 = wb.addWorksheet('巡检完成率');
  s1.columns = [
    { header: '系统', width: 14 },
    { header: '计划', width: 8 },
    { header: '完成', width: 8 },
    { header: '按时', width: 8 },
    { header: '漏检', width: 8 },
    { header: '完成率', width: 10 },
    { header: '按时率', width: 10 },
    { header: '发现缺陷', width: 10 },
  ];
  styleHeaderRow(s1.getRow(1));
  for (const x of [...r.bySystem, { system: '合计', ...r.totals }])
    s1.addRow([
      x.system,
      x.planned,
      x.done,
      x.onTime,
      x.missed,
      pct(x.completionRate),
      pct(x.onTimeRate),
      x.defects,
    ]);
  const s2 = wb.addWorksheet('设备完好率');
  s2.columns = [
    { header: '系统', width: 14 },
    { header: '设备数', width: 8 },
    { header: '停机小时', width: 10 },
    { header: '可用率', width: 10 },
  ];
  styleHeaderRow(s2.getRow(1));
  for (const a of r.availability) s2.addRow([a.system, a.pieces, a.downHours, pct(a.rate)]);
  const s3 = wb.addWorksheet('维修');
  s3.addRow(['月份', r.month]);
  s3.addRow(['设备维修单数', r.repairs]);
  s3.addRow(['平均修复时间(小时)', r.mttrHours ?? '—']);
  s3.addRow(['巡更漏检点数', r.missedPatrolPoints]);
  return sendXlsx(reply, `工程报表-${r.month}.xlsx`, await workbookBuffer(wb));
}
