import type ExcelJS from 'exceljs';
import { loadExcelJs, styleHeaderRow, workbookBuffer } from '../../platform/http/xlsx';
import { GUIDE_SHEET, IMPORT_COLUMNS, IMPORT_SHEET, type ImportColumn } from './columns';

/** Rows of the template that carry drop-downs. */
const PREPARED_ROWS = 5_000;

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Numbers in number columns, so Excel does not flag "number stored as text". */
const exampleValue = (column: ImportColumn, text: string): string | number =>
  !column.text && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;

let cached: Promise<Buffer> | null = null;

/** The downloadable template never changes while the server runs: build it once. */
export function importTemplate(): Promise<Buffer> {
  cached ??= buildImportTemplate().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export async function buildImportTemplate(): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'Guanjia 管家';
  const sheet = workbook.addWorksheet(IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  styleHeaderRow(header);
  IMPORT_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${column.required}。${column.hint}`;
    if (column.required === '必填') cell.font = { bold: true, color: { argb: 'FFC00000' } };
  });
  IMPORT_COLUMNS.forEach((column, i) => {
    // Text format keeps "0101" and 18-digit ID numbers exactly as typed.
    if (column.text) sheet.getColumn(i + 1).numFmt = '@';
  });
  for (const example of [0, 1] as const) {
    sheet.addRow(IMPORT_COLUMNS.map((c) => exampleValue(c, c.examples[example])));
  }
  // exceljs keeps range validations in an untyped model; one range per column keeps the file small.
  const validations = (sheet as unknown as RangeValidations).dataValidations;
  IMPORT_COLUMNS.forEach((column, i) => {
    if (!column.options) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${PREPARED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${column.options.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: column.header,
      error: `只能选择：${column.options.join('、')}`,
    });
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: '列名', key: 'header', width: 12 },
    { header: '是否必填', key: 'required', width: 14 },
    { header: '说明', key: 'hint', width: 80 },
    { header: '示例', key: 'example', width: 22 },
  ];
  styleHeaderRow(guide.getRow(1));
  for (const c of IMPORT_COLUMNS) {
    guide.addRow({
      header: c.header,
      required: c.required,
      hint: c.hint,
      example: c.examples[0] || c.examples[1],
    });
  }
  guide.addRow([]);
  for (const line of [
    '使用方法：',
    '1. 在“房屋与住户”表中每行填写一套房屋；只填房屋列（楼栋编号～建筑面积）时只新建或更新楼栋和房屋。',
    '2. 同一行再填写住户列（住户姓名～生日）时，还会新建或更新住户，并把住户关联到这套房屋；一位住户有多套房屋时写多行。',
    '3. 第 2、3 行是示例，导入前请删除或改成真实数据。',
    '4. 同一文件可以重复导入：楼栋按楼栋编号、房屋按房屋编号（楼栋-单元-房号）、住户按身份证号（未填时按姓名+手机号码）识别，已有记录只更新有变化的内容，不会重复新建。',
    '5. 有错误的行不会导入，其余行照常导入；导入完成后可下载错误明细（行号、列、原因），改正后再次导入即可。',
    '6. 单个文件最多 50000 行、20 MB；请保存为 .xlsx 格式。',
  ]) {
    const row = guide.addRow([line]);
    guide.mergeCells(row.number, 1, row.number, 4);
  }
  return workbookBuffer(workbook);
}
