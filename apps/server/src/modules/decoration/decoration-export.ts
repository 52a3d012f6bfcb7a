import type { Decoration } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { sendRowsAsXlsx, type XlsxColumn } from '../../platform/http/xlsx';

type Row = Omit<Decoration, 'workers' | 'inspections'>;
export const DECORATION_STATE_ZH: Record<Decoration['state'], string> = {
  applied: '已申请',
  approved: '已审批',
  in_progress: '施工中',
  acceptance: '验收中',
  accepted: '已验收',
  refunded: '已退押金',
  rejected: '已驳回',
  cancelled: '已撤销',
};
const columns: XlsxColumn<Row>[] = [
  { header: '编号', width: 16, value: (d) => d.number },
  { header: '房号', width: 12, value: (d) => d.unitLabel },
  { header: '申请人', width: 10, value: (d) => d.applicantName },
  { header: '电话', width: 14, value: (d) => d.applicantPhone },
  { header: '装修单位', width: 22, value: (d) => d.company },
  { header: '开工', width: 12, value: (d) => d.startsOn },
  { header: '完工', width: 12, value: (d) => d.endsOn },
  { header: '状态', width: 8, value: (d) => DECORATION_STATE_ZH[d.state] },
  { header: '押金(元)', width: 10, value: (d) => d.depositFen / 100 },
  { header: '押金已退', width: 8, value: (d) => (d.depositRefundedAt ? '是' : '') },
];

/** 装修登记台账. */
export function sendDecorationsXlsx(reply: FastifyReply, items: Row[], total: number) {
  return sendRowsAsXlsx(reply, {
    filename: '装修登记台账.xlsx',
    sheetName: '装修',
    columns,
    rows: items,
    total,
  });
}
