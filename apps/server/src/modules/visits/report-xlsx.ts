import type { VisitReport } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { loadExcelJs, sendXlsx, styleHeaderRow, workbookBuffer } from '../../platform/http/xlsx';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** R08 as a workbook: coverage, the heads' quota, move-in visits, and the zone ranking. */
export async function sendVisitReportXlsx(reply: FastifyReply, r: VisitReport) {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  const s = wb.addWorksheet('走访覆盖');
  s.addRow(['月份', r.month]);
  s.addRow(['住户数', r.households]);
  s.addRow(['本年已接触户数', r.covered]);
  s.addRow(['覆盖率', pct(r.coverage), `目标 ${pct(r.coverageTarget)}（Q84）`]);
  s.addRow(['其中：走访', r.contactsByKind.visits]);
  s.addRow(['其中：问卷', r.contactsByKind.surveys]);
  s.addRow(['其中：回访', r.contactsByKind.callbacks]);
  s.addRow([
    '入住回访应完成',
    r.moveIn.due,
    '按时',
    r.moveIn.onTime,
    '逾期完成',
    r.moveIn.late,
    '未完成',
    r.moveIn.missed,
  ]);
  const q = wb.addWorksheet('项目负责人指标');
  q.columns = [
    { header: '负责人', width: 14 },
    { header: '本月走访户数', width: 14 },
    { header: '要求户数（Q85）', width: 16 },
    { header: '预警', width: 8 },
  ];
  styleHeaderRow(q.getRow(1));
  for (const h of r.quota.heads) q.addRow([h.name, h.done, h.required, h.warning ? '是' : '']);
  const z = wb.addWorksheet('片区排名');
  z.columns = [
    { header: '名次', width: 6 },
    { header: '片区', width: 14 },
    { header: '住户数', width: 8 },
    { header: '已接触', width: 8 },
    { header: '覆盖率', width: 10 },
    { header: '本月走访', width: 10 },
  ];
  styleHeaderRow(z.getRow(1));
  r.byZone.forEach((x, i) => {
    z.addRow([i + 1, x.zoneName, x.households, x.covered, pct(x.coverage), x.visits]);
  });
  return sendXlsx(reply, `走访报表-${r.month}.xlsx`, await workbookBuffer(wb));
}
