import { and, eq, inArray } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { loadExcelJs, styleHeaderRow, workbookBuffer } from '../../platform/http/xlsx';
import { cellText, invalidFile } from '../imports/read-workbook';
import { units } from '../org/schema';
import { localMonth, projectOf } from './collection-context';
import {
  OPENING_HEADERS,
  type OpeningRow,
  type OpeningRowInput,
  parseOpeningRow,
  periodEnd,
} from './rules/opening-arrears';
import { billLines, bills, feeItems } from './schema';

export const MAX_OPENING_ROWS = 20_000;

export interface OpeningResult {
  totalRows: number;
  created: number;
  errors: { row: number; column: string; message: string }[];
}

/**
 * 历史欠费: what units owed before the system, as a bill with one line per row (unit × period). Fee
 * items are found by name (a missing one is created as a one-off item, so a 历史欠费 sheet never has
 * to wait for the fee set-up). A unit × period that has a bill already is a row error, never a merge.
 */
export async function applyOpeningArrears(
  tx: DbOrTx,
  actor: Actor,
  projectId: number,
  input: { rowNumber: number; row: OpeningRowInput }[],
  now: Date,
): Promise<OpeningResult> {
  const project = await projectOf(tx, projectId);
  if (!project) throw notFound('Project');
  const month = localMonth(now, project.timezone);
  const result: OpeningResult = { totalRows: input.length, created: 0, errors: [] };
  const valid: { rowNumber: number; row: OpeningRow }[] = [];
  for (const { rowNumber, row } of input) {
    const parsed = parseOpeningRow(row, month);
    for (const e of parsed.errors) result.errors.push({ row: rowNumber, ...e });
    if (parsed.row) valid.push({ rowNumber, row: parsed.row });
  }
  const labels = [...new Set(valid.map((v) => v.row.unitLabel))];
  const unitRows = labels.length
    ? await tx
        .select({ id: units.id, label: units.label, buildingId: units.buildingId })
        .from(units)
        .where(and(eq(units.projectId, projectId), inArray(units.label, labels)))
    : [];
  const unitOf = new Map(unitRows.map((u) => [u.label, u]));
  const items = await tx.select().from(feeItems).where(eq(feeItems.projectId, projectId));
  const itemOf = new Map(items.map((i) => [i.name, i.id]));
  const seen = new Set<string>();
  for (const { rowNumber, row } of valid) {
    const unit = unitOf.get(row.unitLabel);
    if (!unit) {
      result.errors.push({ row: rowNumber, column: '房屋编号', message: '本项目没有这个房屋' });
      continue;
    }
    const key = `${unit.id}:${row.period}`;
    const [existing] = await tx
      .select({ id: bills.id })
      .from(bills)
      .where(and(eq(bills.unitId, unit.id), eq(bills.period, row.period)));
    if (existing || seen.has(key)) {
      result.errors.push({ row: rowNumber, column: '账期', message: '该房屋该账期已有账单' });
      continue;
    }
    seen.add(key);
    let feeItemId = itemOf.get(row.feeName);
    if (!feeItemId) {
      const [item] = await tx
        .insert(feeItems)
        .values({
          companyId: project.companyId,
          projectId,
          code: `LS-${row.feeName}`,
          name: row.feeName,
          kind: 'one_off',
          formula: 'fixed',
          fixedAmount: 0,
          startDate: `${row.period}-01`,
          active: false,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: feeItems.id });
      if (!item) {
        result.errors.push({ row: rowNumber, column: '收费项目', message: '无法新建该收费项目' });
        continue;
      }
      feeItemId = item.id;
      itemOf.set(row.feeName, feeItemId);
    }
    const [bill] = await tx
      .insert(bills)
      .values({
        companyId: project.companyId,
        projectId,
        buildingId: unit.buildingId,
        unitId: unit.id,
        period: row.period,
        dueDate: periodEnd(row.period),
        billedAmount: row.amount,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: bills.id });
    if (!bill) throw new Error('insert returned nothing');
    await tx.insert(billLines).values({
      billId: bill.id,
      projectId,
      unitId: unit.id,
      feeItemId,
      period: row.period,
      description: `历史欠费 · ${row.feeName}`,
      amount: row.amount,
      createdAt: now,
    });
    await recordEvent(tx, actor, now, {
      action: 'bill.opening_imported',
      entityType: 'bill',
      entityId: bill.id,
      projectId,
      after: { unitId: unit.id, period: row.period, feeName: row.feeName, amount: row.amount },
    });
    result.created++;
  }
  return result;
}

/** The 历史欠费 sheet: header row, then rows of 房屋编号 / 账期 / 收费项目 / 欠费金额(元). */
export async function readOpeningWorkbook(file: Buffer) {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalidFile(
      'The file could not be read as an .xlsx workbook; save it from Excel or WPS as .xlsx and upload again',
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw invalidFile('The workbook has no sheet');
  const rows: { rowNumber: number; row: OpeningRowInput }[] = [];
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const text = (i: number) => cellText(r.getCell(i).value).trim();
    const row = { unitLabel: text(1), period: text(2), feeName: text(3), amount: text(4) };
    if (Object.values(row).some(Boolean)) rows.push({ rowNumber, row });
  });
  if (rows.length > MAX_OPENING_ROWS)
    throw invalidFile('The workbook has too many rows', { max: MAX_OPENING_ROWS });
  return rows;
}

export async function importOpeningArrears(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  projectId: number,
  file: Buffer,
) {
  assertInScope(auth, projectId, 'Project');
  const rows = await readOpeningWorkbook(file);
  const actor: Actor = { userId: auth.userId, companyId: auth.companyId, source: 'user' };
  return ctx.database.db.transaction((tx) =>
    applyOpeningArrears(tx, actor, projectId, rows, ctx.clock.now()),
  );
}

export async function openingTemplate(): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('历史欠费');
  sheet.columns = OPENING_HEADERS.map((header, i) => ({ header, width: [14, 10, 14, 14][i] }));
  styleHeaderRow(sheet.getRow(1));
  sheet.addRow(['1-1-101', '2025-12', '物业服务费', '1234.50']);
  sheet.addRow(['1-1-101', '2026-01', '停车费', '300']);
  return workbookBuffer(wb);
}
