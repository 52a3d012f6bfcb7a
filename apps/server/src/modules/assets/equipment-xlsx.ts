import { type Equipment, equipmentInput } from '@guanjia/shared/api';
import type { FastifyReply } from 'fastify';
import { loadExcelJs, sendRowsAsXlsx, toArrayBuffer, type XlsxColumn } from '../../platform/http/xlsx';
import { assertXlsxContainer, cellText, invalidFile } from '../imports/read-workbook';

/** The ledger's columns: the export and the import read the same headers. */
const FIELDS = [
  ['code', '设备编号', 16],
  ['name', '设备名称', 22],
  ['system', '系统', 10],
  ['type', '类型', 12],
  ['location', '位置', 22],
  ['brand', '品牌', 12],
  ['model', '型号', 16],
  ['supplier', '供应商', 18],
  ['maintainer', '维保单位', 18],
  ['installDate', '安装日期', 12],
  ['warrantyEnd', '保修截止', 12],
  ['importance', '重要等级', 8],
  ['status', '状态', 8],
  ['notes', '备注', 24],
] as const;
type Field = (typeof FIELDS)[number][0];

const columns: XlsxColumn<Equipment>[] = FIELDS.map(([key, header, width]) => ({
  header,
  width,
  value: (r) => r[key] ?? '',
}));

export function sendEquipmentXlsx(reply: FastifyReply, items: Equipment[], total: number) {
  return sendRowsAsXlsx(reply, {
    filename: '设备台账.xlsx',
    sheetName: '设备台账',
    columns,
    rows: items,
    total,
  });
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

/**
 * Rows of an uploaded ledger workbook (first sheet, headers as the export writes them), each checked
 * with the same schema as the API: good rows come back parsed, bad ones as row-level errors.
 */
export async function readEquipmentWorkbook(file: Buffer, projectId: number) {
  assertXlsxContainer(file);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(file), {
      ignoreNodes: ['dataValidations', 'conditionalFormatting'],
    });
  } catch {
    throw invalidFile(
      'The file could not be read as an .xlsx workbook; save it from Excel or WPS as .xlsx and upload again',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidFile('The workbook has no sheet');
  const header = new Map<number, Field>();
  sheet.getRow(1).eachCell((cell, col) => {
    const f = FIELDS.find(([, h]) => h === cellText(cell.value).trim());
    if (f) header.set(col, f[0]);
  });
  if (![...header.values()].includes('code') || ![...header.values()].includes('name'))
    throw invalidFile(
      'The first row must carry the ledger headers (设备编号, 设备名称, 系统 …); export the ledger for a template',
      {
        required: ['设备编号', '设备名称', '系统'],
      },
    );
  const good: { row: number; value: ReturnType<typeof equipmentInput.parse> }[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const raw: Record<string, string | null> = {};
    sheet.getRow(r).eachCell((cell, col) => {
      const key = header.get(col);
      if (key) raw[key] = cellText(cell.value).trim() || null;
    });
    if (!Object.values(raw).some(Boolean)) continue;
    const candidate = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null));
    const parsed = equipmentInput.safeParse({ ...candidate, projectId });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const headerText = FIELDS.find(([k]) => k === field)?.[1] ?? field;
        errors.push({ row: r, field: headerText, message: issue.message });
      }
      continue;
    }
    if (seen.has(parsed.data.code)) {
      errors.push({ row: r, field: '设备编号', message: '编号在文件中重复' });
      continue;
    }
    seen.add(parsed.data.code);
    good.push({ row: r, value: parsed.data });
  }
  return { good, errors };
}
