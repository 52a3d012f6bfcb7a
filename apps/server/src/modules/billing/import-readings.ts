import { and, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { assertInScope } from '../../platform/auth/context';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import { translateMessage } from '../../platform/http/i18n/translate-error';
import { buildXlsx, loadExcelJs, toArrayBuffer } from '../../platform/http/xlsx';
import { assertXlsxContainer, cellText, invalidFile } from '../imports/read-workbook';
import { units } from '../org/schema';
import { recordReadingIn } from './record-reading';
import { feeItems } from './schema';

const HEADERS = ['房屋', '收费项目编码', '账期', '读数', '换表'] as const;
const MAX_ROWS = 10_000;

export interface ImportRowError {
  row: number;
  message: string;
}

/** The template a meter reader fills in: one row per meter, 换表 是/否. */
export function readingTemplate() {
  return buildXlsx(
    '抄表导入',
    HEADERS.map((header) => ({
      header,
      width: 14,
      value: (r: string[]) => r[HEADERS.indexOf(header)] ?? '',
    })),
    [['1-1-101', 'WATER', '2026-12', '1234.5', '否']],
  );
}

async function readRows(file: Buffer): Promise<{ row: number; cells: string[] }[]> {
  assertXlsxContainer(file);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(file));
  } catch {
    throw invalidFile('The .xlsx file could not be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidFile('The workbook has no sheet');
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => cellText(v as never));
  const at = HEADERS.map((h) => header.indexOf(h));
  if (at.slice(0, 4).some((i) => i < 0))
    throw invalidFile('The first row must name the columns 房屋, 收费项目编码, 账期, 读数', {
      expected: HEADERS,
    });
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const values = (r.values as unknown[]).slice(1).map((v) => cellText(v as never));
    const cells = at.map((i) => (i < 0 ? '' : (values[i] ?? '')));
    if (cells.some(Boolean)) rows.push({ row: n, cells });
  });
  if (rows.length > MAX_ROWS) throw invalidFile('The workbook has too many rows', { max: MAX_ROWS });
  return rows;
}

/**
 * Excel import of meter readings (抄表导入): every row is recorded on its own with the same checks
 * as one typed on the phone, so a bad row is reported (row number and reason, in the caller's
 * language) and the good rows are kept.
 */
export async function importReadings(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  projectId: number,
  file: Buffer,
  locale: 'zh-CN' | 'en',
) {
  assertInScope(auth, projectId, 'Project');
  const rows = await readRows(file);
  const { db } = ctx.database;
  const labels = [...new Set(rows.map((r) => r.cells[0] ?? ''))];
  const codes = [...new Set(rows.map((r) => r.cells[1] ?? ''))];
  const [unitRows, itemRows] = await Promise.all([
    labels.length
      ? db
          .select({ id: units.id, label: units.label })
          .from(units)
          .where(and(eq(units.projectId, projectId), inArray(units.label, labels)))
      : [],
    codes.length
      ? db
          .select({ id: feeItems.id, code: feeItems.code })
          .from(feeItems)
          .where(and(eq(feeItems.projectId, projectId), inArray(feeItems.code, codes)))
      : [],
  ]);
  const unitOf = new Map(unitRows.map((u) => [u.label, u.id]));
  const itemOf = new Map(itemRows.map((i) => [i.code, i.id]));
  const errors: ImportRowError[] = [];
  let created = 0;
  for (const { row, cells } of rows) {
    const [label = '', code = '', period = '', value = '', change = ''] = cells;
    try {
      const unitId = label ? unitOf.get(label) : null;
      if (unitId === undefined)
        throw new AppError(422, 'unknown_unit', 'No unit with this label in the project');
      const feeItemId = itemOf.get(code);
      if (feeItemId === undefined)
        throw new AppError(422, 'unknown_fee_item', 'No fee item with this code in the project');
      const number = Number(value);
      if (value === '' || !Number.isFinite(number))
        throw new AppError(422, 'invalid_value', 'The reading is not a number');
      await db.transaction((tx) =>
        recordReadingIn(
          tx,
          auth,
          ctx.clock.now(),
          {
            feeItemId,
            unitId,
            period,
            value: number,
            meterChange: ['是', 'Y', 'YES', 'TRUE', '1'].includes(change.toUpperCase()),
          },
          'import',
        ),
      );
      created++;
    } catch (error) {
      if (error instanceof AppError)
        errors.push({ row, message: translateMessage(error.message, error.code, locale) });
      else if (error instanceof Error && error.name === 'ZodError')
        errors.push({
          row,
          message: translateMessage('A value has the wrong format', 'invalid_value', locale),
        });
      else throw error;
    }
  }
  return { total: rows.length, created, errors };
}
