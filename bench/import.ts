/**
 * Excel import benchmark: a 500-row 房屋与住户 file through the real API and job on the embedded
 * engine (in-process PGlite), beside a baseline measured in the same run — reading and validating the
 * same workbook without touching the database. Prints figures; asserts nothing.
 *
 *   npx tsx bench/import.ts [rows]
 */
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../apps/server/src/modules/imports/columns';
import { readImportWorkbook } from '../apps/server/src/modules/imports/read-workbook';
import { parseRow } from '../apps/server/src/modules/imports/rules/parse-row';
import { workbookBuffer, XLSX_MIME } from '../apps/server/src/platform/http/xlsx';
import { createTestServer } from '../apps/server/src/testing/test-server';

const ROWS = Number(process.argv[2] ?? 500);
const BUDGET_MS = 5_000;
// The embedded engine, whatever the shell says.
delete process.env.GUANJIA_TEST_DB;

function idNumber(seq: number): string {
  const body = `110105${1950 + (seq % 50)}0101${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + ('10X98765432'[sum % 11] ?? '');
}

/** Buildings of 50 homes, two entrances; one resident per home, half of them with an ID number. */
async function buildFile(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋与住户');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  const relations = ['业主', '家属', '租户'];
  for (let i = 0; i < rows; i++) {
    const building = `B${Math.floor(i / 50) + 1}`;
    const floor = Math.floor((i % 50) / 2) + 1;
    ws.addRow([
      building,
      `${building}栋`,
      String((i % 2) + 1),
      floor,
      `${floor}0${(i % 2) + 1}`,
      '住宅',
      '已入住',
      88.5,
      `住户${i}`,
      String(13910000000 + i),
      i % 2 === 0 ? idNumber(i) : null,
      relations[i % 3],
      i % 10 === 0 ? '是' : '否',
      i % 7 === 0 ? '独居老人、养宠物' : null,
      '1980-05-06',
    ]);
  }
  return workbookBuffer(wb);
}

function multipart(file: Buffer) {
  const boundary = '----guanjia-bench';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
const rate = (v: number) =>
  `${Math.round((ROWS / v) * 1000)
    .toLocaleString('en-US')
    .padStart(7)} rows/s`;

const file = await buildFile(ROWS);

// Baseline: read + validate the same workbook, no database (median of 5, after one warm-up).
const baselines: number[] = [];
for (let i = 0; i < 6; i++) {
  const started = performance.now();
  const sheet = await readImportWorkbook(file);
  for (const r of sheet.rows) parseRow(r.raw, { areaCode: '021', numeric: r.numeric });
  if (i > 0) baselines.push(performance.now() - started);
}
const baseline = median(baselines);

const t = await createTestServer();
try {
  const token = await t.login('admin');
  const projectId = t.fixture.projectA;

  async function runImport(): Promise<{ upload: number; job: number; result: Record<string, unknown> }> {
    const { body, headers } = multipart(file);
    let started = performance.now();
    const res = await t.request('POST', `/api/imports?projectId=${projectId}`, { token, body, headers });
    const upload = performance.now() - started;
    if (res.statusCode !== 202) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    const { id } = res.json() as { id: number };
    started = performance.now();
    await t.services.queue.drain();
    const job = performance.now() - started;
    const result = (await t.request('GET', `/api/imports/${id}`, { token })).json() as Record<
      string,
      unknown
    >;
    return { upload, job, result };
  }

  const first = await runImport();
  const again = await runImport();
  const firstTotal = first.upload + first.job;
  const againTotal = again.upload + again.job;
  const counts = (r: Record<string, unknown>) =>
    `${r.state}: created ${r.createdCount}, updated ${r.updatedCount}, errors ${r.errorCount}`;

  console.log(`Excel import — ${ROWS} rows, ${t.services.database.kind} in-process, Node ${process.version}`);
  console.log(`  baseline: read + validate workbook only  ${ms(baseline)}  ${rate(baseline)}`);
  console.log(`  first import: upload (check, store)      ${ms(first.upload)}`);
  console.log(`  first import: job                        ${ms(first.job)}  ${rate(first.job)}`);
  console.log(
    `  first import: total                      ${ms(firstTotal)}  ${rate(firstTotal)}   (${counts(first.result)})`,
  );
  console.log(
    `  re-import same file: total               ${ms(againTotal)}  ${rate(againTotal)}   (${counts(again.result)})`,
  );
  console.log(
    `  first import / baseline                  ${(firstTotal / baseline).toFixed(1).padStart(6)} ×`,
  );
  console.log(
    `  budget                                   ${ms(BUDGET_MS)}  (first import uses ${((firstTotal / BUDGET_MS) * 100).toFixed(0)}%)`,
  );
} finally {
  await t.close();
}
