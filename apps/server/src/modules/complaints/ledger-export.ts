import type { FastifyReply } from 'fastify';
import { EXPORT_ROW_CAP, sendRowsAsXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';
import type { LedgerItem } from './ledger-queries';

const GRADE: Record<string, string> = { normal: '一般', important: '重要', major: '重大' };
const REVIEW: Record<string, string> = { pending: '待审核', rejected: '已退回', approved: '已通过' };
const yes = (v: boolean) => (v ? '是' : '否');

type Row = LedgerItem & { timeZone: string };

const columns: XlsxColumn<Row>[] = [
  { header: '投诉单号', width: 24, value: (r) => r.number },
  { header: '标题', width: 28, value: (r) => r.title },
  { header: '状态', width: 8, value: (r) => r.status },
  { header: '等级', width: 6, value: (r) => (r.grade ? GRADE[r.grade] : '') },
  { header: '原因类别', width: 10, value: (r) => r.cause },
  { header: '责任部门', width: 10, value: (r) => r.departmentName },
  { header: '责任人', width: 10, value: (r) => r.assigneeName },
  { header: '首问负责人', width: 10, value: (r) => r.ownerName },
  { header: '房屋', width: 18, value: (r) => r.unitLabel },
  { header: '投诉时间', width: 17, value: (r) => zonedTime(r.createdAt, r.timeZone) },
  { header: '时长(小时)', width: 10, value: (r) => r.ageHours },
  { header: '承诺回复时间', width: 17, value: (r) => zonedTime(r.promisedReplyAt, r.timeZone) },
  { header: '实际首次回复', width: 17, value: (r) => zonedTime(r.firstReplyAt, r.timeZone) },
  { header: '回复时限', width: 17, value: (r) => zonedTime(r.replyDueAt, r.timeZone) },
  { header: '超期', width: 6, value: (r) => yes(r.overdue) },
  { header: '超期原因', width: 24, value: (r) => r.overdueCause },
  { header: '审核', width: 8, value: (r) => (r.reviewState ? REVIEW[r.reviewState] : '') },
  { header: '处理结果', width: 30, value: (r) => r.result },
  {
    header: '满意度',
    width: 8,
    value: (r) => (r.satisfied === null ? '' : r.satisfied ? '满意' : '不满意'),
  },
  { header: '督办', width: 6, value: (r) => yes(r.supervised) },
  { header: '关闭时间', width: 17, value: (r) => zonedTime(r.closedAt, r.timeZone) },
];

/** The 投诉台账 as a workbook: the same filters and rows as the page, times on the project's clock. */
export async function sendLedgerXlsx(
  reply: FastifyReply,
  items: LedgerItem[],
  total: number,
  zones: Map<number, string>,
) {
  return sendRowsAsXlsx(reply, {
    filename: '投诉台账.xlsx',
    sheetName: '投诉台账',
    columns,
    rows: items.map((i) => ({ ...i, timeZone: zones.get(i.projectId) ?? 'Asia/Shanghai' })),
    total,
  });
}

export { EXPORT_ROW_CAP };
