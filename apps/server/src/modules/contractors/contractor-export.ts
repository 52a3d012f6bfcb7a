import type { Contractor } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { sendRowsAsXlsx, type XlsxColumn } from '../../platform/http/xlsx';

type Row = { c: Contractor; k: Contractor['contracts'][number] | null };
const yuan = (fen: number) => Math.round(fen) / 100;

const columns: XlsxColumn<Row>[] = [
  { header: '单位名称', width: 24, value: (r) => r.c.name },
  { header: '类别', width: 10, value: (r) => r.c.trade },
  { header: '维保系统', width: 18, value: (r) => r.c.systems.join('、') },
  { header: '联系人', width: 24, value: (r) => r.c.contacts.map((p) => `${p.name} ${p.phone}`).join('；') },
  { header: '证照留底', width: 24, value: (r) => r.c.credentials },
  { header: '合同', width: 20, value: (r) => r.k?.title ?? '' },
  { header: '合同开始', width: 12, value: (r) => r.k?.startsOn ?? '' },
  { header: '合同结束', width: 12, value: (r) => r.k?.endsOn ?? '' },
  { header: '合同金额(元)', width: 12, value: (r) => (r.k ? yuan(r.k.amountFen) : null) },
  { header: '即将到期', width: 8, value: (r) => (r.k?.expiring ? '是' : '') },
  { header: '上月评分', width: 8, value: (r) => r.c.lastScore },
  { header: '评价等级', width: 8, value: (r) => r.c.lastGrade ?? '' },
];

/** 合作单位信息一览表: one row per contract (a contractor without one still has its row). */
export function sendContractorsXlsx(reply: FastifyReply, items: Contractor[], total: number) {
  return sendRowsAsXlsx(reply, {
    filename: '维保单位一览表.xlsx',
    sheetName: '维保单位',
    columns,
    rows: items.flatMap((c): Row[] =>
      c.contracts.length ? c.contracts.map((k) => ({ c, k })) : [{ c, k: null }],
    ),
    total,
  });
}
