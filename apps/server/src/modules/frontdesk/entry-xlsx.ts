import type { DeskEntry, DeskRegister } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import type { DbOrTx } from '../../platform/db/client';
import { sendRowsAsXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';
import { projectZones } from '../org/queries';

const SHEET: Record<DeskRegister, string> = {
  visitor: '访客登记',
  parcel: '代收快递',
  release: '物品放行',
  key: '钥匙签收',
  loan: '物品借用',
};

/**
 * A register's list as an Excel sheet: the common columns, then the register's own. Times are on each
 * row's project clock (the list may span projects).
 */
export async function exportRows(
  db: DbOrTx,
  reply: FastifyReply,
  register: DeskRegister,
  rows: DeskEntry[],
  total: number,
  title = SHEET[register],
) {
  const zoneOf = await projectZones(
    db,
    rows.map((r) => r.projectId),
  );
  const tz = (r: DeskEntry) => zoneOf(r.projectId);
  const d = (r: DeskEntry, k: string) => String(r.details[k] ?? '');
  const own: Record<DeskRegister, XlsxColumn<DeskEntry>[]> = {
    visitor: [
      { header: '车牌', width: 10, value: (r) => d(r, 'plate') },
      { header: '事由', width: 16, value: (r) => d(r, 'purpose') },
      { header: '有效至', width: 18, value: (r) => zonedTime(r.validUntil, tz(r)) },
      { header: '已用/次数', width: 10, value: (r) => `${r.usesCount}/${r.usesAllowed ?? '不限'}` },
    ],
    parcel: [
      { header: '货架', width: 8, value: (r) => d(r, 'shelf') },
      { header: '快递公司', width: 10, value: (r) => d(r, 'carrier') },
      { header: '取件码', width: 8, value: (r) => d(r, 'pickupCode') },
      { header: '送货上门', width: 8, value: (r) => (r.details.toDoor ? '是' : '') },
      { header: '签收', width: 12, value: () => '' },
    ],
    release: [
      {
        header: '物品',
        width: 30,
        value: (r) =>
          ((r.details.items as { name: string; qty: number }[]) ?? [])
            .map((i) => `${i.name}×${i.qty}`)
            .join('、'),
      },
      { header: '放行日期', width: 12, value: (r) => d(r, 'releaseDate') },
      { header: '提示', width: 10, value: (r) => r.flags.join('、') },
    ],
    key: [],
    loan: [
      { header: '物品', width: 14, value: (r) => d(r, 'itemName') },
      { header: '证件', width: 12, value: (r) => `${d(r, 'idKind')} ${d(r, 'idLast4')}` },
      { header: '约定归还', width: 18, value: (r) => zonedTime(r.dueAt, tz(r)) },
    ],
  };
  return sendRowsAsXlsx(reply, {
    filename: `${title}.xlsx`,
    sheetName: title,
    total,
    rows,
    columns: [
      { header: '编号', width: 14, value: (r) => r.code },
      { header: '房屋', width: 14, value: (r) => r.unitLabel ?? '' },
      { header: '姓名', width: 10, value: (r) => r.name },
      { header: '电话', width: 14, value: (r) => r.phone },
      ...own[register],
      { header: '状态', width: 8, value: (r) => r.status },
      { header: '登记时间', width: 18, value: (r) => zonedTime(r.createdAt, tz(r)) },
    ],
  });
}
