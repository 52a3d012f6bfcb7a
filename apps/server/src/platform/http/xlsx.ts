import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { zonedParts } from '../clock/zoned';

/** Generic "columns + rows → .xlsx" for every list export; knows nothing about business modules. */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An export never holds more rows than this; the response says when it was cut. */
export const EXPORT_ROW_CAP = 50_000;

/** exceljs takes about a second to load: the first export or import pays for it, not every start. */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/**
 * An instant for a time column, with the zone of the project it belongs to. A bare Date is not a cell
 * value: Excel has no time zones, so every time states whose wall clock it is written on.
 */
export interface ZonedTime {
  at: Date;
  timeZone: string;
}

export type XlsxValue = string | number | boolean | ZonedTime | null | undefined;

/** How time cells display: the date order of Chinese forms, to the minute. */
export const XLSX_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** A time column's value from a presenter's ISO string (null stays an empty cell). */
export const zonedTime = (at: Date | string | null | undefined, timeZone: string): ZonedTime | null =>
  at ? { at: typeof at === 'string' ? new Date(at) : at, timeZone } : null;

export interface XlsxColumn<T> {
  header: string;
  /** Column width in characters. */
  width?: number;
  value: (row: T) => XlsxValue;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/** Style a header row the same way in every workbook the server produces. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle' };
  });
}

/**
 * One sheet, written with the streaming writer so a 50,000-row export does not hold a cell object per
 * value in memory; the finished file is returned as one buffer.
 */
export async function buildXlsx<T>(
  sheetName: string,
  columns: readonly XlsxColumn<T>[],
  rows: Iterable<T>,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const { stream: excelStream } = await loadExcelJs();
  const workbook = new excelStream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
  }));
  const header = sheet.getRow(1);
  styleHeaderRow(header);
  header.commit();
  for (const item of rows) {
    const values = columns.map((c) => cellValue(c.value(item)));
    const row = sheet.addRow(values);
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = XLSX_TIME_FORMAT;
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function cellValue(value: XlsxValue): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return wallClockDate(value);
  return value;
}

/**
 * Time cells are real Excel dates (they sort, filter and subtract in Excel and WPS) holding the
 * project's wall-clock time: exceljs writes a Date's UTC fields as the serial number, so the Date
 * given to it carries the zoned year…minute as UTC. A reader sees 08:35 where the estate saw 08:35.
 */
export function wallClockDate({ at, timeZone }: ZonedTime): Date {
  const p = zonedParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

/** Excel forbids : \ / ? * [ ] in sheet names and caps them at 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}

/** attachment with an ASCII fallback and the real (Chinese) name as RFC 5987 filename*. */
export function contentDisposition(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const ext = dot >= 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const base = (dot >= 0 ? filename.slice(0, dot) : filename)
    .replace(/[^A-Za-z0-9_-]/g, '')
    .replace(/^[-_]+/, '');
  const fallback = `${base || 'export'}${ext}`;
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Send a finished workbook as a download. */
export function sendXlsx(
  reply: FastifyReply,
  filename: string,
  body: Buffer,
  headers: Record<string, string> = {},
): FastifyReply {
  reply.header('content-type', XLSX_MIME);
  reply.header('content-disposition', contentDisposition(filename));
  reply.header('cache-control', 'no-store');
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.send(body);
}

export interface RowsExport<T> {
  filename: string;
  sheetName: string;
  columns: readonly XlsxColumn<T>[];
  rows: readonly T[];
  /** How many rows matched before the cap; more than rows.length marks the file as cut. */
  total?: number;
}

/** The whole export route in one call: build the sheet, say how many rows matched, send. */
export async function sendRowsAsXlsx<T>(reply: FastifyReply, spec: RowsExport<T>): Promise<FastifyReply> {
  const rows = spec.rows.slice(0, EXPORT_ROW_CAP);
  const total = spec.total ?? spec.rows.length;
  const body = await buildXlsx(spec.sheetName, spec.columns, rows);
  return sendXlsx(reply, spec.filename, body, {
    'x-total-count': String(total),
    'x-export-truncated': total > rows.length ? '1' : '0',
  });
}

/** A Node buffer as the ArrayBuffer exceljs' typings ask for (a view copy, never the pooled slab). */
export function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return copy.buffer;
}

/** exceljs types its output as its own Buffer interface; at run time it is a Node Buffer. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const out: unknown = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
