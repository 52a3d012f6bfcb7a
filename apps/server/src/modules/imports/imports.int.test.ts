import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BusMessage } from '../../platform/bus/bus';
import { toArrayBuffer, workbookBuffer, XLSX_MIME } from '../../platform/http/xlsx';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { IMPORT_COLUMNS } from './columns';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
type Cell = string | number | null;

interface ImportView {
  id: number;
  projectId: number;
  filename: string;
  state: string;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  errorCount: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

let t: TestServer;
let admin: string;
let lead: string;
const messages: BusMessage[] = [];

beforeAll(async () => {
  t = await createTestServer({ listen: true });
  admin = await t.login('admin');
  lead = await t.login('lead_a');
  t.services.bus.subscribe((m) => {
    if (m.type === 'import.progress') messages.push(m);
  });
});
afterAll(async () => t?.close());

/** A workbook shaped like the template: header row 1, one array per data row in template column order. */
async function workbook(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋与住户');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return workbookBuffer(wb);
}

/** multipart/form-data by hand: one file field. */
function multipart(file: Buffer, filename: string, contentType = XLSX_MIME) {
  const boundary = `----guanjia-test-${file.length}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(
  token: string,
  projectId: number,
  file: Buffer,
  filename = '住户导入.xlsx',
  contentType = XLSX_MIME,
) {
  const { body, headers } = multipart(file, filename, contentType);
  return t.request('POST', `/api/imports?projectId=${projectId}`, { token, body, headers });
}

/** Upload, run the job now, and read the finished import. */
async function importFile(token: string, projectId: number, file: Buffer): Promise<ImportView> {
  const res = await upload(token, projectId, file);
  expect(res.statusCode, res.body).toBe(202);
  const created = res.json() as ImportView;
  expect(created).toMatchObject({ state: 'pending', projectId, processedRows: 0 });
  await t.services.queue.drain();
  const done = await t.request('GET', `/api/imports/${created.id}`, { token });
  expect(done.statusCode).toBe(200);
  return done.json() as ImportView;
}

async function readSheet(body: Buffer, index = 0): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(toArrayBuffer(body));
  const ws = wb.worksheets[index];
  if (!ws) throw new Error('no sheet');
  const width = ws.getRow(1).cellCount;
  const rows: Cell[][] = [];
  ws.eachRow((row) => {
    const values = Array.from((row.values as Cell[]).slice(1), (v) => v ?? null);
    while (values.length < width) values.push(null);
    rows.push(values);
  });
  return rows;
}

/** A valid 18-digit ID number (ISO 7064 check digit). */
function idNumber(seq: number): string {
  const body = `110105${1950 + (seq % 50)}0101${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + ('10X98765432'[sum % 11] ?? '');
}

const phone = (i: number) => String(13910000000 + i);
const RELATIONS = ['业主', '家属', '租户'];

/** 500 rows: 10 buildings × 2 entrances × 25 rooms, one resident each; every other one has an ID number. */
function bigRows(): Cell[][] {
  return Array.from({ length: 500 }, (_, i) => {
    const building = `P${Math.floor(i / 50) + 1}`;
    const entrance = String((i % 2) + 1);
    const floor = Math.floor((i % 50) / 2) + 1;
    const room = `${floor}0${(i % 2) + 1}`;
    return [
      building,
      `${building}栋`,
      entrance,
      floor,
      room,
      '住宅',
      '已入住',
      88.5,
      `住户${i}`,
      phone(i),
      i % 2 === 0 ? idNumber(i) : null,
      RELATIONS[i % 3] ?? '业主',
      i % 10 === 0 ? '是' : '否',
      i % 7 === 0 ? '独居老人、养宠物' : null,
      '1980-05-06',
    ];
  });
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.services.database.query<{ n: string | number }>(sql, params))[0]?.n ?? 0);

describe('template', () => {
  it('downloads as a workbook with the header row, examples, drop-downs and instructions', async () => {
    const res = await t.request('GET', '/api/imports/template.xlsx', { token: lead });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(res.rawPayload));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['房屋与住户', '填写说明']);
    const sheet = wb.getWorksheet('房屋与住户')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      '楼栋编号',
      '楼栋名称',
      '单元',
      '楼层',
      '房号',
      '房屋类型',
      '房屋状态',
      '建筑面积',
      '住户姓名',
      '手机号码',
      '身份证号',
      '关系',
      'VIP',
      '标签',
      '生日',
    ]);
    expect(sheet.getCell('F2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"住宅,商铺,车位,办公"'],
    });
    expect(sheet.getCell('G10').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"空置,已交房,装修中,已入住"'],
    });
    expect(sheet.getCell('L2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"业主,家属,租户"'],
    });
    expect(sheet.getCell('M2').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const guide = await readSheet(res.rawPayload, 1);
    expect(guide[0]).toEqual(['列名', '是否必填', '说明', '示例']);
    expect(guide.slice(1, 16).map((r) => r[0])).toEqual(HEADERS);
  });

  it('imports as it is downloaded (re-parses: 2 example rows, no errors)', async () => {
    const project = await t.request('POST', '/api/projects', {
      token: admin,
      body: { code: 'TPL', name: '模板小区' },
    });
    expect(project.statusCode, project.body).toBe(201);
    const projectId = (project.json() as { id: number }).id;
    const file = (await t.request('GET', '/api/imports/template.xlsx', { token: admin })).rawPayload;
    const done = await importFile(admin, projectId, file);
    expect(done).toMatchObject({
      state: 'done',
      totalRows: 2,
      processedRows: 2,
      createdCount: 2,
      updatedCount: 0,
      errorCount: 0,
    });
    const residents = (
      await t.request('GET', `/api/residents?projectId=${projectId}`, { token: admin })
    ).json() as {
      items: { name: string; units: { label: string; relation: string }[]; tags: string[] }[];
    };
    expect(residents.items).toEqual([
      expect.objectContaining({
        name: '张三',
        units: [expect.objectContaining({ label: '1-2-1201', relation: '业主' })],
        tags: ['独居老人', '养宠物'],
      }),
    ]);
    const units = (await t.request('GET', `/api/units?projectId=${projectId}`, { token: admin })).json() as {
      items: { label: string; type: string }[];
    };
    expect(units.items.map((u) => [u.label, u.type]).sort()).toEqual([
      ['1-2-1201', '住宅'],
      ['1-S01', '商铺'],
    ]);
  });
});

describe('import job', () => {
  let big: Buffer;
  let firstId = 0;

  it('imports 500 rows: buildings, units and residents, with progress over the bus', async () => {
    big = await workbook(bigRows());
    messages.length = 0;
    const started = performance.now();
    const done = await importFile(lead, t.fixture.projectA, big);
    const ms = performance.now() - started;
    firstId = done.id;
    expect(done).toMatchObject({
      state: 'done',
      filename: '住户导入.xlsx',
      totalRows: 500,
      processedRows: 500,
      createdCount: 500,
      updatedCount: 0,
      errorCount: 0,
    });
    expect(done.finishedAt).not.toBeNull();
    expect(done.message).toContain('新建 500 行');
    console.info(`500-row import on ${t.services.database.kind}: ${ms.toFixed(0)} ms`);

    const a = t.fixture.projectA;
    expect(
      await count(`select count(*) n from buildings where project_id = $1 and code like 'P%'`, [a]),
    ).toBe(10);
    expect(
      await count(
        `select count(*) n from units u join buildings b on b.id = u.building_id where b.project_id = $1 and b.code like 'P%'`,
        [a],
      ),
    ).toBe(500);
    expect(
      await count(`select count(*) n from residents where project_id = $1 and name like '住户%'`, [a]),
    ).toBe(500);
    expect(
      await count(
        `select count(*) n from events where source = 'job' and action = 'resident.created' and project_id = $1`,
        [a],
      ),
    ).toBe(500);
    expect(
      await count(
        `select count(*) n from events where source = 'job' and action = 'unit.created' and project_id = $1`,
        [a],
      ),
    ).toBe(500);

    const found = (
      await t.request('GET', `/api/residents?projectId=${a}&q=${encodeURIComponent('住户21')}`, {
        token: lead,
      })
    ).json() as {
      items: {
        name: string;
        phones: { number: string }[];
        units: { label: string; relation: string }[];
        vip: boolean;
        birthday: string;
      }[];
    };
    const r21 = found.items.find((r) => r.name === '住户21');
    expect(r21).toMatchObject({
      phones: [{ number: phone(21) }],
      units: [{ label: 'P1-2-1102', relation: '业主' }],
      vip: false,
      birthday: '1980-05-06',
    });

    // Progress: pending (upload), running, one message per 100-row batch, then done — to the importer only.
    const mine = messages.filter((m) => m.entityId === done.id);
    expect(
      mine.every(
        (m) => m.userId === t.fixture.users.lead_a && m.projectId === a && m.entityType === 'import',
      ),
    ).toBe(true);
    const processed = mine.map((m) => m.data?.processedRows);
    expect(processed).toEqual([0, 0, 100, 200, 300, 400, 500, 500]);
    expect(mine.at(-1)?.data).toMatchObject({
      state: 'done',
      processedRows: 500,
      totalRows: 500,
      createdCount: 500,
      updatedCount: 0,
      errorCount: 0,
    });
  });

  it('re-importing the same file creates nothing and duplicates nothing', async () => {
    const a = t.fixture.projectA;
    const before = await count('select count(*) n from residents where project_id = $1', [a]);
    const again = await importFile(lead, a, big);
    expect(again.id).not.toBe(firstId);
    expect(again).toMatchObject({
      state: 'done',
      processedRows: 500,
      createdCount: 0,
      updatedCount: 0,
      errorCount: 0,
    });
    expect(again.message).toContain('未变化 500 行');
    expect(await count('select count(*) n from residents where project_id = $1', [a])).toBe(before);
    expect(await count(`select count(*) n from units where project_id = $1 and label like 'P%'`, [a])).toBe(
      500,
    );
    expect(
      await count(
        `select count(*) n from resident_phones where project_id = $1 and national like '139100%'`,
        [a],
      ),
    ).toBe(500);
  });

  it('a changed file updates only what changed and keeps other phones and homes', async () => {
    const a = t.fixture.projectA;
    const rows = bigRows();
    rows[0]![9] = '13700000000'; // 住户0 (has an ID): a second phone number
    rows[1]![6] = '装修中'; // unit P1-2-102: a new status
    rows[2]![8] = '住户2改'; // 住户2 (has an ID): corrected name
    rows[3]![4] = '9901'; // 住户3 (no ID, same phone): moves into a second, new unit
    const before = await count('select count(*) n from residents where project_id = $1', [a]);
    const done = await importFile(lead, a, await workbook(rows));
    expect(done).toMatchObject({ state: 'done', createdCount: 1, updatedCount: 3, errorCount: 0 });
    expect(await count('select count(*) n from residents where project_id = $1', [a])).toBe(before);

    type Found = { name: string; phones: { number: string }[]; units: { label: string }[] };
    const byName = new Map<string, Found>();
    for (const name of ['住户0', '住户2改', '住户2', '住户3']) {
      const url = `/api/residents?projectId=${a}&q=${encodeURIComponent(name)}&pageSize=200`;
      const page = (await t.request('GET', url, { token: lead })).json() as { items: Found[] };
      for (const r of page.items) if (r.name === name) byName.set(name, r);
    }
    expect(byName.get('住户0')?.phones.map((p) => p.number)).toEqual([phone(0), '13700000000']);
    expect(byName.has('住户2改')).toBe(true);
    expect(byName.has('住户2')).toBe(false);
    expect(
      byName
        .get('住户3')
        ?.units.map((u) => u.label)
        .sort(),
    ).toEqual(['P1-2-202', 'P1-2-9901']);
    const unit = (await t.request('GET', `/api/units?projectId=${a}&q=P1-2-102`, { token: lead })).json() as {
      items: { label: string; status: string; version: number }[];
    };
    expect(unit.items.find((u) => u.label === 'P1-2-102')).toMatchObject({ status: '装修中', version: 2 });
  });

  it('imports the good rows of a file with bad ones and reports row, column and reason', async () => {
    const row = (over: Record<number, Cell>): Cell[] => {
      const base: Cell[] = [
        'Q1',
        'Q1栋',
        '1',
        3,
        '301',
        '住宅',
        '已入住',
        90,
        '好人甲',
        '13812340000',
        null,
        '业主',
        '否',
        null,
        null,
      ];
      for (const [i, v] of Object.entries(over)) base[Number(i)] = v;
      return base;
    };
    const rows: Cell[][] = [
      row({}), // row 2: good
      row({ 4: '302', 8: '坏电话', 9: '12345' }), // row 3: bad phone
      row({ 4: '303', 8: '坏关系', 11: '朋友' }), // row 4: unknown relation
      row({ 4: null, 8: '缺房号' }), // row 5: no room
      row({ 4: '305', 8: '坏证件', 10: '110101199003071234' }), // row 6: bad check digit
      [], // row 7: blank, skipped
      row({ 4: '306', 8: '好人乙', 9: '13812340001', 10: idNumber(777) }), // row 8: good
      row({ 4: '301', 8: '好人丙', 9: '13812340002', 11: '家属' }), // row 9: good, same home as row 2
    ];
    const done = await importFile(lead, t.fixture.projectA, await workbook(rows));
    expect(done).toMatchObject({
      state: 'done',
      totalRows: 7,
      processedRows: 7,
      createdCount: 3,
      errorCount: 4,
    });

    const res = await t.request('GET', `/api/imports/${done.id}/errors.xlsx`, { token: lead });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent(`导入错误-${done.id}.xlsx`)}`,
    );
    const sheet = await readSheet(res.rawPayload);
    expect(sheet[0]).toEqual(['行号', '列', '原因', ...HEADERS]);
    expect(sheet.slice(1).map((r) => r.slice(0, 3))).toEqual([
      [3, '手机号码', '手机号码格式不正确：12345'],
      [4, '关系', '关系只能是：业主、家属、租户'],
      [5, '房号', '房号不能为空'],
      [6, '身份证号', '身份证号校验位不正确'],
    ]);
    // The original row follows, so the sheet can be fixed and imported again.
    expect(sheet[1]?.slice(3, 13)).toEqual([
      'Q1',
      'Q1栋',
      '1',
      '3',
      '302',
      '住宅',
      '已入住',
      '90',
      '坏电话',
      '12345',
    ]);

    const q1 = (
      await t.request(
        'GET',
        `/api/residents?projectId=${t.fixture.projectA}&q=${encodeURIComponent('好人')}`,
        { token: lead },
      )
    ).json() as {
      items: { name: string; units: { label: string; relation: string }[] }[];
    };
    expect(q1.items.map((r) => r.name).sort()).toEqual(['好人丙', '好人乙', '好人甲']);
    expect(q1.items.find((r) => r.name === '好人丙')?.units).toEqual([
      expect.objectContaining({ label: 'Q1-1-301', relation: '家属' }),
    ]);
  });

  it('lists imports newest first, without the file', async () => {
    const res = await t.request('GET', `/api/imports?projectId=${t.fixture.projectA}&page=1&pageSize=2`, {
      token: lead,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json() as {
      items: (ImportView & { file?: unknown; errors?: unknown })[];
      total: number;
      page: number;
      pageSize: number;
    };
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.id).toBeGreaterThan(page.items[1]!.id);
    expect(page.items[0]).not.toHaveProperty('file');
    expect(page.items[0]).not.toHaveProperty('errors');
    expect(Object.keys(page.items[0]!).sort()).toEqual(
      [
        'id',
        'projectId',
        'filename',
        'state',
        'totalRows',
        'processedRows',
        'createdCount',
        'updatedCount',
        'errorCount',
        'message',
        'createdAt',
        'finishedAt',
      ].sort(),
    );
  });
});

describe('access', () => {
  it('keeps projects apart: another project answers 404 and cannot be imported into', async () => {
    const b = t.fixture.projectB;
    const done = await importFile(
      admin,
      b,
      await workbook([['T1', null, null, 16, '1601', '办公', '空置', 120]]),
    );
    expect(done).toMatchObject({ state: 'done', createdCount: 1 });
    for (const url of [`/api/imports/${done.id}`, `/api/imports/${done.id}/errors.xlsx`]) {
      const res = await t.request('GET', url, { token: lead });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const list = (await t.request('GET', `/api/imports?pageSize=200`, { token: lead })).json() as {
      items: ImportView[];
    };
    expect(list.items.some((i) => i.projectId === b)).toBe(false);
    expect(
      ((await t.request('GET', `/api/imports?projectId=${b}`, { token: lead })).json() as { total: number })
        .total,
    ).toBe(0);

    const jobsBefore = await count(`select count(*) n from jobs where name = 'imports.run'`);
    const denied = await upload(lead, b, await workbook([['X1', null, null, 1, '101']]));
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(await count(`select count(*) n from jobs where name = 'imports.run'`)).toBe(jobsBefore);
    expect(await count(`select count(*) n from buildings where code = 'X1'`)).toBe(0);
  });

  it('requires import.run: a technician gets 403', async () => {
    const tech = await t.login('tech_a');
    const file = await workbook([['X2', null, null, 1, '101']]);
    const calls = [
      await t.request('GET', '/api/imports/template.xlsx', { token: tech }),
      await t.request('GET', '/api/imports', { token: tech }),
      await upload(tech, t.fixture.projectA, file),
    ];
    for (const res of calls) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        error: { code: 'forbidden', details: { permission: 'import.run' } },
      });
    }
  });

  it('refuses what is not an .xlsx workbook with a 400 envelope', async () => {
    const a = t.fixture.projectA;
    const csv = await upload(lead, a, Buffer.from('楼栋编号,房号\n1,101\n'), 'residents.csv', 'text/csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.json()).toMatchObject({
      error: { code: 'invalid_file', message: expect.stringContaining('not an .xlsx') },
    });

    const notMultipart = await t.request('POST', `/api/imports?projectId=${a}`, {
      token: lead,
      body: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json()).toMatchObject({ error: { code: 'invalid_file' } });

    const noHeader = await upload(lead, a, await workbook([['a', 'b']], ['名字', '电话']));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json()).toMatchObject({
      error: { code: 'invalid_file', details: { required: ['楼栋编号', '房号'] } },
    });

    const empty = await upload(lead, a, await workbook([]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      error: { code: 'invalid_file', message: expect.stringContaining('no data rows') },
    });

    const badQuery = await upload(lead, 0, await workbook([['1', null, null, 1, '101']]));
    expect(badQuery.statusCode).toBe(400);
  });
});

describe('live progress', () => {
  it('reaches the importer over /api/live, and no one else', async () => {
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const listen = (token: string) =>
      new Promise<{ ws: WebSocket; got: { type: string; entityId?: number; data?: { state?: string } }[] }>(
        (resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${address.port}/api/live?token=${token}`);
          const got: { type: string; entityId?: number; data?: { state?: string } }[] = [];
          ws.on('message', (raw) => {
            const m = JSON.parse(String(raw)) as { type: string };
            got.push(m);
            if (m.type === 'hello') resolve({ ws, got });
          });
          ws.on('error', reject);
        },
      );
    const importer = await listen(lead);
    const colleague = await listen(await t.login('agent_a'));
    try {
      const done = await importFile(lead, t.fixture.projectA, await workbook([['L1', null, null, 1, '101']]));
      for (let i = 0; i < 100 && !importer.got.some((m) => m.data?.state === 'done'); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const progress = importer.got.filter((m) => m.type === 'import.progress' && m.entityId === done.id);
      expect(progress.map((m) => m.data?.state)).toEqual(['pending', 'running', 'running', 'done']);
      expect(colleague.got.some((m) => m.type === 'import.progress')).toBe(false);
    } finally {
      importer.ws.close();
      colleague.ws.close();
    }
  });
});

describe('failures', () => {
  it('a row the database refuses fails alone; the rest of its batch is saved', async () => {
    const q = (sql: string) => t.services.database.query(sql);
    await q(`create function guanjia_test_refuse() returns trigger language plpgsql as $$
      begin
        if new.room = '666' then raise exception 'room 666 is refused' using errcode = '23514'; end if;
        return new;
      end $$`);
    await q(
      'create trigger guanjia_test_refuse before insert on units for each row execute function guanjia_test_refuse()',
    );
    try {
      const file = await workbook([
        ['R1', null, null, 6, '665', null, null, null, '甲六六五'],
        ['R1', null, null, 6, '666', null, null, null, '甲六六六'],
        ['R1', null, null, 6, '667', null, null, null, '甲六六七'],
      ]);
      const done = await importFile(lead, t.fixture.projectA, file);
      expect(done).toMatchObject({
        state: 'done',
        processedRows: 3,
        createdCount: 2,
        updatedCount: 0,
        errorCount: 1,
      });
      const sheet = await readSheet(
        (await t.request('GET', `/api/imports/${done.id}/errors.xlsx`, { token: lead })).rawPayload,
      );
      expect(sheet.slice(1).map((r) => [r[0], r[2]])).toEqual([[3, '保存失败：room 666 is refused']]);
      expect(await count(`select count(*) n from residents where name like '甲六六%'`)).toBe(2);
    } finally {
      await q('drop trigger guanjia_test_refuse on units');
      await q('drop function guanjia_test_refuse()');
    }
  });

  it('marks the import failed, with a message, when its stored file cannot be read', async () => {
    const res = await upload(lead, t.fixture.projectA, await workbook([['R2', null, null, 1, '101']]));
    const id = (res.json() as ImportView).id;
    await t.services.database.query('update imports set file = $1 where id = $2', [
      Buffer.from('not a workbook'),
      id,
    ]);
    messages.length = 0;
    await t.services.queue.drain();
    const failed = (await t.request('GET', `/api/imports/${id}`, { token: lead })).json() as ImportView;
    expect(failed).toMatchObject({ state: 'failed', processedRows: 0, createdCount: 0 });
    expect(failed.message).toMatch(/^文件无法读取：/);
    expect(failed.finishedAt).not.toBeNull();
    expect(messages.at(-1)).toMatchObject({
      entityId: id,
      data: { state: 'failed', message: failed.message },
    });
    expect(await count(`select count(*) n from buildings where code = 'R2'`)).toBe(0);
  });
});

describe('exports', () => {
  const total = async (token: string, url: string) =>
    ((await t.request('GET', url, { token })).json() as { total: number }).total;

  it('exports residents with the list filters, phones in full for pii.view holders', async () => {
    const a = t.fixture.projectA;
    const res = await t.request('GET', `/api/residents/export.xlsx?projectId=${a}`, { token: lead });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="export.xlsx"; filename*=UTF-8''%E4%BD%8F%E6%88%B7.xlsx`,
    );
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]?.slice(0, 5)).toEqual(['住户ID', '住户姓名', '性别', '手机号码', '身份证号']);
    expect(rows.length - 1).toBe(await total(lead, `/api/residents?projectId=${a}`));
    expect(res.headers['x-total-count']).toBe(String(rows.length - 1));
    const zhang = rows.find((r) => r[1] === '张伟');
    expect(zhang?.[3]).toBe('13812345678');
    expect(zhang?.[5]).toBe('1-1-101(业主)');

    const vip = await readSheet(
      (await t.request('GET', `/api/residents/export.xlsx?projectId=${a}&vip=true`, { token: lead }))
        .rawPayload,
    );
    expect(vip.length - 1).toBe(await total(lead, `/api/residents?projectId=${a}&vip=true`));
    expect(vip.length - 1).toBeGreaterThan(0);

    // Another project's filter yields an empty sheet, never its rows.
    const other = await readSheet(
      (await t.request('GET', `/api/residents/export.xlsx?projectId=${t.fixture.projectB}`, { token: lead }))
        .rawPayload,
    );
    expect(other).toHaveLength(1);
  });

  it('masks phones and ID numbers exactly like the list for a caller without pii.view', async () => {
    const roles = (await t.request('GET', '/api/roles', { token: admin })).json() as {
      items: { id: number; code: string; permissions: string[]; version: number }[];
    };
    const qa = roles.items.find((r) => r.code === 'qa')!;
    const patched = await t.request('PATCH', `/api/roles/${qa.id}`, {
      token: admin,
      body: { permissions: [...qa.permissions, 'export.run'], version: qa.version },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const token = await t.login('qa_a');
    const a = t.fixture.projectA;
    const rows = await readSheet(
      (await t.request('GET', `/api/residents/export.xlsx?projectId=${a}`, { token })).rawPayload,
    );
    const json = (
      await t.request('GET', `/api/residents?projectId=${a}&q=${encodeURIComponent('张伟')}`, { token })
    ).json() as {
      items: { name: string; phones: { number: string }[]; idNumber: string }[];
    };
    const zhang = rows.find((r) => r[1] === '张伟');
    expect(zhang?.[3]).toBe('138****5678');
    expect(zhang?.[3]).toBe(json.items[0]?.phones[0]?.number);
    expect(zhang?.[4]).toBe(json.items[0]?.idNumber);
    expect(zhang?.[4]).toBe('110101********1233');
    const phones = rows.slice(1).map((r) => String(r[3] ?? ''));
    expect(phones.filter(Boolean).every((p) => p.includes('****'))).toBe(true);

    const staff = await readSheet((await t.request('GET', '/api/staff/export.xlsx', { token })).rawPayload);
    expect(staff.length - 1).toBe(await total(token, '/api/staff?pageSize=200'));
    expect(staff.slice(1).every((r) => r[2] === null || String(r[2]).includes('****'))).toBe(true);
  });

  it('exports units and staff with the row counts of their lists', async () => {
    const a = t.fixture.projectA;
    const units = await t.request('GET', `/api/units/export.xlsx?projectId=${a}`, { token: lead });
    expect(units.statusCode).toBe(200);
    expect(units.headers['content-disposition']).toContain("filename*=UTF-8''%E6%88%BF%E5%B1%8B.xlsx");
    const unitRows = await readSheet(units.rawPayload);
    expect(unitRows[0]).toEqual([
      '房屋编号',
      '楼栋编号',
      '楼栋名称',
      '单元',
      '楼层',
      '房号',
      '房屋类型',
      '房屋状态',
      '建筑面积',
      '交房日期',
      '保修截止',
    ]);
    expect(unitRows.length - 1).toBe(await total(lead, `/api/units?projectId=${a}`));
    expect(unitRows.find((r) => r[0] === 'P1-2-102')).toEqual([
      'P1-2-102',
      'P1',
      'P1栋',
      '2',
      1,
      '102',
      '住宅',
      '装修中',
      88.5,
      null,
      null,
    ]);

    const filtered = await readSheet(
      (await t.request('GET', `/api/units/export.xlsx?projectId=${a}&q=P1-`, { token: lead })).rawPayload,
    );
    expect(filtered.length - 1).toBe(51);
    const otherProject = await t.request('GET', `/api/units/export.xlsx?projectId=${t.fixture.projectB}`, {
      token: lead,
    });
    expect(await readSheet(otherProject.rawPayload)).toHaveLength(1);

    const staff = await t.request('GET', '/api/staff/export.xlsx', { token: lead });
    expect(staff.statusCode).toBe(200);
    const staffRows = await readSheet(staff.rawPayload);
    expect(staffRows.length - 1).toBe(await total(lead, '/api/staff?pageSize=200'));
    expect(staffRows.find((r) => r[0] === 'lead_a')?.[6]).toBe('测试花园');
  });

  it('requires export.run and the list permission', async () => {
    const tech = await t.login('tech_a');
    const agent = await t.login('agent_a');
    for (const [token, url, permission] of [
      [tech, '/api/residents/export.xlsx', 'residents.read'],
      [tech, '/api/units/export.xlsx', 'export.run'],
      [agent, '/api/residents/export.xlsx', 'export.run'],
      [agent, '/api/staff/export.xlsx', 'staff.read'],
    ] as const) {
      const res = await t.request('GET', url, { token });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden', details: { permission } } });
    }
  });
});
