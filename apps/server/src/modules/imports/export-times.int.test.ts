import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArrayBuffer, XLSX_TIME_FORMAT } from '../../platform/http/xlsx';
import { createTestServer, type TestServer } from '../../testing/test-server';

/**
 * Export time columns hold the project's wall clock as real Excel dates. The project is moved to
 * New York so neither a UTC nor a Shanghai rendering could pass.
 */

let t: TestServer;
let admin: string;
const CREATED = new Date('2026-03-02T09:05:00+08:00');

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(CREATED);
  admin = await t.login('admin');
  const project = await ok<{ version: number }>('GET', `/api/projects/${t.fixture.projectA}`);
  await ok('PATCH', `/api/projects/${t.fixture.projectA}`, {
    version: project.version,
    timezone: 'America/New_York',
  });
});
afterAll(async () => t?.close());

async function ok<T>(method: string, url: string, body?: unknown, token = admin): Promise<T> {
  const res = await t.request(method, url, { token, body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

async function sheet(url: string, token = admin): Promise<ExcelJS.Worksheet> {
  const res = await t.request('GET', url, { token });
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(toArrayBuffer(res.rawPayload));
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

/** The cell under `header` in the row whose first cells include `key`. */
function cellOf(ws: ExcelJS.Worksheet, key: string, header: string): ExcelJS.Cell {
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  const col = headers.indexOf(header);
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    if ((row.values as unknown[]).includes(key)) found = row.getCell(col);
  });
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe('export time columns', () => {
  it('a resident created at 09:05 Shanghai exports as 2026-03-01 20:05, the New York wall clock', async () => {
    await ok('POST', '/api/residents', {
      projectId: t.fixture.projectA,
      name: '时区测试',
      phones: ['13700009999'],
    });
    const cell = cellOf(
      await sheet(`/api/residents/export.xlsx?projectId=${t.fixture.projectA}`),
      '时区测试',
      '创建时间',
    );
    // A real date cell: Excel's serial carries the wall clock (read back as UTC fields).
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2026-03-01T20:05:00.000Z');
    expect(cell.numFmt).toBe(XLSX_TIME_FORMAT);
    expect(cell.text).not.toMatch(/T\d|Z$/);
  });

  it("staff last logins read on the requested project's clock", async () => {
    await t.login('lead_a');
    const cell = cellOf(
      await sheet(`/api/staff/export.xlsx?projectId=${t.fixture.projectA}`),
      'lead_a',
      '最近登录',
    );
    expect((cell.value as Date).toISOString()).toBe('2026-03-01T20:05:00.000Z');
    expect(cell.numFmt).toBe(XLSX_TIME_FORMAT);
  });
});
