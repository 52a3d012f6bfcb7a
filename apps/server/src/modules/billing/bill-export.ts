import type { Bill } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { sendRowsAsXlsx, type XlsxColumn } from '../../platform/http/xlsx';

const STATUS: Record<Bill['status'], string> = { unpaid: '未缴', partial: '部分缴', paid: '已缴' };
const yuan = (fen: number) => fen / 100;

const columns: XlsxColumn<Bill>[] = [
  { header: '账期', width: 10, value: (b) => b.period },
  { header: '楼栋', width: 12, value: (b) => b.buildingName },
  { header: '房屋', width: 14, value: (b) => b.unitLabel },
  { header: '应收(元)', width: 12, value: (b) => yuan(b.billedAmount) },
  { header: '调整(元)', width: 12, value: (b) => yuan(b.adjustedAmount) },
  { header: '已收(元)', width: 12, value: (b) => yuan(b.paidAmount) },
  { header: '欠费(元)', width: 12, value: (b) => yuan(b.balance) },
  { header: '状态', width: 8, value: (b) => STATUS[b.status] },
  { header: '到期日', width: 12, value: (b) => b.dueDate },
  { header: '有争议', width: 8, value: (b) => (b.disputed ? '是' : '否') },
];

/** The 账单 list as a workbook: the same filters as the page; amounts in 元 so Excel can sum them. */
export function sendBillsXlsx(reply: FastifyReply, rows: Bill[], total: number) {
  return sendRowsAsXlsx(reply, { filename: '账单.xlsx', sheetName: '账单', columns, rows, total });
}
