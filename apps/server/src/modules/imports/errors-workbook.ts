import { buildXlsx, type XlsxColumn } from '../../platform/http/xlsx';
import { type ImportSheet, readImportWorkbook } from './read-workbook';
import type { ImportRowError } from './schema';

interface ErrorLine {
  error: ImportRowError;
  cells: readonly string[];
}

/**
 * 行号, 列, 原因, then the row as it was in the file, so the sheet can be fixed and imported again.
 * The original values come from re-reading the stored file.
 */
export async function buildErrorsWorkbook(file: Buffer, errors: readonly ImportRowError[]): Promise<Buffer> {
  let sheet: ImportSheet | null = null;
  try {
    sheet = await readImportWorkbook(file);
  } catch {
    // The job has already reported an unreadable file; the errors alone still download.
  }
  const byRow = new Map((sheet?.rows ?? []).map((r) => [r.row, r.cells]));
  const headers = sheet?.headers ?? [];
  const columns: XlsxColumn<ErrorLine>[] = [
    { header: '行号', width: 8, value: (l) => l.error.row },
    { header: '列', width: 12, value: (l) => l.error.column },
    { header: '原因', width: 40, value: (l) => l.error.reason },
    ...headers.flatMap((header, i): XlsxColumn<ErrorLine>[] =>
      header ? [{ header, width: Math.max(10, header.length * 2 + 2), value: (l) => l.cells[i] ?? '' }] : [],
    ),
  ];
  const lines = [...errors]
    .sort((a, b) => a.row - b.row)
    .map((error) => ({ error, cells: byRow.get(error.row) ?? [] }));
  return buildXlsx('错误明细', columns, lines);
}
