import type { ArrearsUnit, BillingReport, CollectionAttempt } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { sendRowsAsXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';

/** Excel cells carry 元 as numbers (a manager sums them); the screen shows ¥1,234.50. */
const yuan = (fen: number) => fen / 100;
const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(2)}%`);

export const CHANNEL_ZH: Record<string, string> = {
  sms: '短信',
  call: '语音电话',
  letter: '催缴通知书',
  manager: '上报项目经理',
  manual_call: '人工电话',
  visit: '上门',
};
export const OUTCOME_ZH: Record<string, string> = {
  sent: '已发送',
  failed: '发送失败',
  answered: '已接通',
  no_answer: '未接',
  promised: '承诺付款',
  refused: '拒付',
  wrong_number: '号码错误',
};
const STATUS_ZH: Record<string, string> = { scheduled: '待执行', done: '已执行', cancelled: '已取消' };
const PROMISE_ZH: Record<string, string> = { open: '待兑现', kept: '已兑现', broken: '未兑现' };

const AGING_COLUMNS = <
  T extends Record<'d0_30' | 'd31_90' | 'd91_180' | 'd181_365' | 'd365_plus', number>,
>(): XlsxColumn<T>[] => [
  { header: '0–30天(元)', width: 12, value: (r) => yuan(r.d0_30) },
  { header: '31–90天(元)', width: 12, value: (r) => yuan(r.d31_90) },
  { header: '91–180天(元)', width: 12, value: (r) => yuan(r.d91_180) },
  { header: '181–365天(元)', width: 13, value: (r) => yuan(r.d181_365) },
  { header: '365天以上(元)', width: 13, value: (r) => yuan(r.d365_plus) },
];

export function sendArrearsXlsx(reply: FastifyReply, items: ArrearsUnit[], total: number, tz: string) {
  const columns: XlsxColumn<ArrearsUnit>[] = [
    { header: '房屋', width: 16, value: (r) => r.unitLabel },
    { header: '楼栋', width: 10, value: (r) => r.buildingName },
    { header: '业主', width: 10, value: (r) => r.ownerName },
    { header: '欠费(元)', width: 12, value: (r) => yuan(r.owed) },
    { header: '其中有争议(元)', width: 14, value: (r) => yuan(r.disputedOwed) },
    { header: '欠费笔数', width: 8, value: (r) => r.bills },
    { header: '最早应缴日', width: 12, value: (r) => r.oldestDueDate },
    { header: '逾期天数', width: 8, value: (r) => r.daysOverdue },
    { header: '催缴级别', width: 8, value: (r) => r.level },
    { header: '最近催缴', width: 17, value: (r) => zonedTime(r.lastAttemptAt, tz) },
    { header: '最近结果', width: 10, value: (r) => (r.lastOutcome ? OUTCOME_ZH[r.lastOutcome] : '') },
  ];
  return sendRowsAsXlsx(reply, {
    filename: '欠费清单.xlsx',
    sheetName: '欠费清单',
    columns,
    rows: items,
    total,
  });
}

export function sendAttemptsXlsx(reply: FastifyReply, items: CollectionAttempt[], total: number, tz: string) {
  const columns: XlsxColumn<CollectionAttempt>[] = [
    { header: '时间', width: 17, value: (r) => zonedTime(r.attemptedAt ?? r.scheduledAt, tz) },
    { header: '房屋', width: 16, value: (r) => r.unitLabel },
    { header: '住户', width: 10, value: (r) => r.residentName },
    { header: '级别', width: 6, value: (r) => r.level },
    { header: '方式', width: 12, value: (r) => CHANNEL_ZH[r.channel] },
    { header: '状态', width: 8, value: (r) => STATUS_ZH[r.status] },
    { header: '结果', width: 10, value: (r) => (r.outcome ? OUTCOME_ZH[r.outcome] : '') },
    { header: '欠费(元)', width: 12, value: (r) => yuan(r.owedAmount) },
    { header: '逾期天数', width: 8, value: (r) => r.daysOverdue },
    { header: '承诺日期', width: 12, value: (r) => r.promisedDate },
    {
      header: '承诺金额(元)',
      width: 12,
      value: (r) => (r.promisedAmount === null ? null : yuan(r.promisedAmount)),
    },
    { header: '承诺兑现', width: 8, value: (r) => (r.promiseState ? PROMISE_ZH[r.promiseState] : '') },
    { header: '经办人', width: 10, value: (r) => r.byName ?? (r.level ? '系统' : '') },
    { header: '备注', width: 30, value: (r) => r.note },
  ];
  return sendRowsAsXlsx(reply, {
    filename: '催缴记录.xlsx',
    sheetName: '催缴记录',
    columns,
    rows: items,
    total,
  });
}

type Rows<K extends BillingReport['kind']> = Extract<BillingReport, { kind: K }>['rows'][number];

/** Each 收费报表 as a workbook with the same rows as the page. */
export function sendReportXlsx(reply: FastifyReply, report: BillingReport) {
  const name = (title: string) => ({
    filename: `${title}-${report.from}至${report.to}.xlsx`,
    sheetName: title,
  });
  switch (report.kind) {
    case 'collection-rate': {
      const columns: XlsxColumn<Rows<'collection-rate'>>[] = [
        { header: '账期', width: 10, value: (r) => r.period },
        { header: '楼栋', width: 10, value: (r) => r.buildingName },
        { header: '应收(元)', width: 14, value: (r) => yuan(r.billed) },
        { header: '实收(元)', width: 14, value: (r) => yuan(r.collected) },
        { header: '收费率', width: 10, value: (r) => pct(r.rate) },
        { header: '户数', width: 8, value: (r) => r.households },
        { header: '缴清户数', width: 8, value: (r) => r.settledHouseholds },
        { header: '户数收费率', width: 10, value: (r) => pct(r.householdRate) },
      ];
      return sendRowsAsXlsx(reply, { ...name('收费率'), columns, rows: report.rows });
    }
    case 'aging': {
      const columns: XlsxColumn<Rows<'aging'>>[] = [
        { header: '楼栋', width: 10, value: (r) => r.buildingName },
        { header: '欠费户数', width: 8, value: (r) => r.owingUnits },
        { header: '欠费合计(元)', width: 14, value: (r) => yuan(r.total) },
        ...AGING_COLUMNS<Rows<'aging'>>(),
      ];
      return sendRowsAsXlsx(reply, { ...name('欠费账龄'), columns, rows: report.rows });
    }
    case 'campaigns': {
      const columns: XlsxColumn<Rows<'campaigns'>>[] = [
        { header: '级别', width: 6, value: (r) => r.level },
        { header: '方式', width: 12, value: (r) => CHANNEL_ZH[r.channel] },
        { header: '催缴次数', width: 8, value: (r) => r.attempts },
        { header: '接通', width: 8, value: (r) => r.reached },
        { header: '承诺付款', width: 8, value: (r) => r.promised },
        { header: '已兑现', width: 8, value: (r) => r.kept },
        { header: '未兑现', width: 8, value: (r) => r.broken },
        { header: '拒付', width: 8, value: (r) => r.refused },
        { header: '30天内缴费户', width: 12, value: (r) => r.paidAfter },
        { header: '30天内缴费(元)', width: 14, value: (r) => yuan(r.paidAmountAfter) },
      ];
      return sendRowsAsXlsx(reply, { ...name('催缴效果'), columns, rows: report.rows });
    }
    case 'income-by-fee-item': {
      const columns: XlsxColumn<Rows<'income-by-fee-item'>>[] = [
        { header: '月份', width: 10, value: (r) => r.month },
        { header: '收费项目', width: 16, value: (r) => r.feeItemName },
        { header: '实收(元)', width: 14, value: (r) => yuan(r.amount) },
      ];
      return sendRowsAsXlsx(reply, { ...name('收费项目收入'), columns, rows: report.rows });
    }
  }
}
