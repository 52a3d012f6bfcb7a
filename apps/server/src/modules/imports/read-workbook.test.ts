import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentDisposition, workbookBuffer } from '../../platform/http/xlsx';
import { keyOfHeader } from './columns';
import { assertXlsxContainer, cellText, readImportWorkbook } from './read-workbook';
import { buildImportTemplate } from './template';

describe('cellText', () => {
  const cases: [string, ExcelJS.CellValue, string][] = [
    ['empty', null, ''],
    ['trimmed text', '  张三 ', '张三'],
    ['full-width digits and comma', '１３８００１３８０００，１', '13800138000,1'],
    ['a phone typed as a number', 13800138000, '13800138000'],
    ['float noise', 0.1 + 0.2, '0.3'],
    ['a date cell', new Date(Date.UTC(1990, 2, 7)), '1990-03-07'],
    ['boolean', true, 'TRUE'],
    ['rich text', { richText: [{ text: '张' }, { text: '三' }] }, '张三'],
    ['formula result', { formula: 'A1', result: 1201 }, '1201'],
    ['hyperlink', { text: 'a@b.cn', hyperlink: 'mailto:a@b.cn' }, 'a@b.cn'],
  ];
  it.each(cases)('%s', (_name, value, expected) => expect(cellText(value)).toBe(expected));
});

describe('headers', () => {
  it.each([
    ['房屋类型(住宅/商铺/车位/办公)', 'unitType'],
    ['关系（业主/家属/租户）', 'relation'],
    ['*房号', 'room'],
    ['vip', 'vip'],
    [' 手机号码 ', 'phones'],
    ['备注', undefined],
  ])('%s → %s', (header, key) => expect(keyOfHeader(header)).toBe(key));
});

describe('file checks', () => {
  it('refuses what is not an .xlsx zip', () => {
    expect(() => assertXlsxContainer(Buffer.from('楼栋编号,房号\n1,101\n'))).toThrow(/not an \.xlsx/);
    const xls = Buffer.alloc(64);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    expect(() => assertXlsxContainer(xls)).toThrow(/Old \.xls/);
    const truncated = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    expect(() => assertXlsxContainer(truncated)).toThrow(/damaged/);
  });

  it('reads the template back: headers and the two example rows', async () => {
    const sheet = await readImportWorkbook(await buildImportTemplate());
    expect(sheet.sheetName).toBe('房屋与住户');
    expect(sheet.headers.slice(0, 5)).toEqual(['楼栋编号', '楼栋名称', '单元', '楼层', '房号']);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(sheet.rows[0]?.raw).toMatchObject({
      buildingCode: '1',
      room: '1201',
      idNumber: '110101199003071233',
      floor: '12',
    });
  });

  it('finds a header below a title line and ignores unknown columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['阳光花园住户名单']);
    ws.addRow(['备注', '楼栋编号', '房号', '姓名']);
    ws.addRow(['x', 5, 101, '王五']);
    ws.addRow([]);
    ws.addRow(['only a note']);
    const sheet = await readImportWorkbook(await workbookBuffer(wb));
    expect(sheet.headerRow).toBe(2);
    expect(sheet.rows).toEqual([
      {
        row: 3,
        raw: { buildingCode: '5', room: '101', name: '王五' },
        cells: ['x', '5', '101', '王五'],
        numeric: ['buildingCode', 'room'],
      },
    ]);
  });
});

describe('contentDisposition', () => {
  it('sends the Chinese name as filename* with an ASCII fallback', () => {
    expect(contentDisposition('住户.xlsx')).toBe(
      `attachment; filename="export.xlsx"; filename*=UTF-8''%E4%BD%8F%E6%88%B7.xlsx`,
    );
    expect(contentDisposition('导入错误-12.xlsx')).toBe(
      `attachment; filename="12.xlsx"; filename*=UTF-8''%E5%AF%BC%E5%85%A5%E9%94%99%E8%AF%AF-12.xlsx`,
    );
  });
});
