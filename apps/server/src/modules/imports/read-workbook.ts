import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors';
import { loadExcelJs, toArrayBuffer } from '../../platform/http/xlsx';
import { type ColumnKey, headerOf, IMPORT_SHEET, keyOfHeader } from './columns';
import { isBlankRow, type RawRow } from './rules/parse-row';

export interface SheetRow {
  /** Excel row number (the header is row 1 in the template). */
  row: number;
  raw: RawRow;
  /** Every cell under a non-empty header, as text, for the error workbook. */
  cells: string[];
  /** Columns whose cell held a number (an 18-digit ID number stored as one has lost its last digits). */
  numeric: ColumnKey[];
}

export interface ImportSheet {
  sheetName: string;
  headerRow: number;
  /** Header texts as written in the file, left to right. */
  headers: string[];
  rows: SheetRow[];
}

/** Unpacked size allowed for one workbook: far above 50,000 rows, far below a zip bomb. */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** The header may sit under a title line or two. */
const HEADER_SEARCH_ROWS = 5;

export const invalidFile = (message: string, details?: unknown) =>
  new AppError(400, 'invalid_file', message, details);

/** Read the import sheet of an .xlsx file; anything that is not one answers 400 invalid_file. */
export async function readImportWorkbook(file: Buffer): Promise<ImportSheet> {
  assertXlsxContainer(file);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    // Validations over whole columns would be expanded cell by cell: the importer needs values only.
    await workbook.xlsx.load(toArrayBuffer(file), {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
    });
  } catch {
    throw invalidFile(
      'The file could not be read as an .xlsx workbook; save it from Excel or WPS as .xlsx and upload again',
    );
  }
  const candidates = [
    ...workbook.worksheets.filter((s) => s.name.trim() === IMPORT_SHEET),
    ...workbook.worksheets.filter((s) => s.name.trim() !== IMPORT_SHEET),
  ];
  for (const sheet of candidates) {
    const found = findHeader(sheet);
    if (found) return readRows(sheet, found.row, found.headers);
  }
  throw invalidFile(
    `No sheet has the template header row (${headerOf('buildingCode')}, ${headerOf('room')} …); download the template and copy the data into it`,
    {
      required: [headerOf('buildingCode'), headerOf('room')],
    },
  );
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; headers: string[] } | null {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const headers: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) headers.push(cellText(row.getCell(c).value));
    const keys = headers.map(keyOfHeader);
    if (keys.includes('buildingCode') && keys.includes('room')) return { row: r, headers };
  }
  return null;
}

function readRows(sheet: ExcelJS.Worksheet, headerRow: number, headers: string[]): ImportSheet {
  // The first column carrying a key wins when a header is repeated.
  const keys: (ColumnKey | undefined)[] = headers.map((h, i) => {
    const key = keyOfHeader(h);
    return key && headers.findIndex((other) => keyOfHeader(other) === key) === i ? key : undefined;
  });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const raw: RawRow = {};
    const cells: string[] = [];
    const numeric: ColumnKey[] = [];
    for (let c = 0; c < headers.length; c++) {
      const value = row.getCell(c + 1).value;
      const text = cellText(value);
      cells.push(text);
      const key = keys[c];
      if (key && text) raw[key] = text;
      if (key && typeof value === 'number') numeric.push(key);
    }
    if (!isBlankRow(raw)) rows.push({ row: rowNumber, raw, cells, numeric });
  });
  return { sheetName: sheet.name, headerRow, headers, rows };
}

/** A cell as the text a person sees: numbers without float noise, dates as YYYY-MM-DD, formulas by result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return clean(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return clean(value.text);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return cellText(result);
  }
  if ('error' in value) return value.error;
  return '';
}

function clean(text: string): string {
  // Full-width digits, letters and commas typed with a Chinese IME become their ASCII forms.
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();
}

/** Excel stores dates as local wall-clock values; exceljs hands them over as that wall time in UTC. */
function isoDate(at: Date): string {
  if (Number.isNaN(at.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`;
}

/**
 * .xlsx is a zip archive: check the signature, and sum the unpacked sizes in the central directory
 * before exceljs inflates anything (a 20 MB upload must not become gigabytes in memory).
 */
export function assertXlsxContainer(file: Buffer): void {
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) {
    const legacy = file.length >= 8 && file.readUInt32BE(0) === 0xd0cf11e0;
    throw invalidFile(
      legacy
        ? 'Old .xls workbooks are not supported; open the file in Excel or WPS and save it as .xlsx'
        : 'The file is not an .xlsx workbook (Excel 2007 or later)',
    );
  }
  const eocd = findEndOfCentralDirectory(file);
  if (eocd < 0) throw invalidFile('The .xlsx file is damaged (incomplete zip archive)');
  const entries = file.readUInt16LE(eocd + 10);
  let offset = file.readUInt32LE(eocd + 16);
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > file.length || file.readUInt32LE(offset) !== 0x02014b50) {
      throw invalidFile('The .xlsx file is damaged (bad zip directory)');
    }
    const size = file.readUInt32LE(offset + 24);
    // 0xFFFFFFFF announces a ZIP64 entry: no real template needs one.
    if (size === 0xffffffff) throw invalidFile('The workbook is too large to import');
    unpacked += size;
    offset +=
      46 + file.readUInt16LE(offset + 28) + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
  }
  if (unpacked > MAX_UNPACKED_BYTES)
    throw invalidFile('The workbook is too large to import; split it into several files');
}

function findEndOfCentralDirectory(file: Buffer): number {
  const stop = Math.max(0, file.length - 22 - 0xffff);
  for (let i = file.length - 22; i >= stop; i--) {
    if (file.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
