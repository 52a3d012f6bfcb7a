import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { zonedParts } from '../clock/zoned';

/** Generic "columns + rows → .xlsx" for every list export; knows nothing about business modules. */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An export never holds more rows than this; the response says when it was cut. */
export const EXPORT_ROW_CAP = 50_000;

export type XlsxValue = string | number | boolean | Date | null | undefined;

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
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
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
    sheet.addRow(columns.map((c) => cellValue(c.value(item)))).commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function cellValue(value: XlsxValue): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  // Timestamps read as Beijing wall-clock time; Excel has no time zones.
  if (value instanceof Date) return formatLocalDateTime(value);
  return value;
}

/** "2025-03-07 14:05" in Asia/Shanghai. */
export function formatLocalDateTime(at: Date, timeZone = 'Asia/Shanghai'): string {
  const p = zonedParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
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
