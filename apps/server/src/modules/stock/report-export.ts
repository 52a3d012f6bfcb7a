import type { MaterialsReport } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { sendRowsAsXlsx, type XlsxColumn } from '../../platform/http/xlsx';

type Row = MaterialsReport['rows'][number];
const yuan = (fen: number) => Math.round(fen) / 100;

const columns: XlsxColumn<Row>[] = [
  { header: '编码', width: 10, value: (r) => r.code },
  { header: '名称', width: 16, value: (r) => r.name },
  { header: '规格', width: 14, value: (r) => r.spec },
  { header: '单位', width: 6, value: (r) => r.unit },
  { header: '期初', width: 8, value: (r) => r.opening },
  { header: '入库', width: 8, value: (r) => r.inQty },
  { header: '领用', width: 8, value: (r) => r.outQty },
  { header: '退库', width: 8, value: (r) => r.returnQty },
  { header: '盘点调整', width: 8, value: (r) => r.adjustQty },
  { header: '期末', width: 8, value: (r) => r.closing },
  { header: '消耗金额(元)', width: 12, value: (r) => yuan(r.consumedFen) },
  { header: '涉及工单数', width: 10, value: (r) => r.workOrders },
  { header: '建议采购', width: 10, value: (r) => r.toBuy },
];

/** 耗材月报 with the 月采购计划 column, one row per material. */
export function sendMaterialsXlsx(reply: FastifyReply, report: MaterialsReport) {
  return sendRowsAsXlsx(reply, {
    filename: `耗材月报-${report.month}.xlsx`,
    sheetName: `耗材月报 ${report.month}`,
    columns,
    rows: report.rows,
  });
}
