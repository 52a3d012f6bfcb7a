import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';
import { testDbKind } from '../testing/test-database';
import { backupPglite } from './backup-core';

const dir = mkdtempSync(path.join(tmpdir(), 'guanjia-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Backups are for the embedded engine; PostgreSQL uses pg_dump.
describe.runIf(testDbKind() === 'pglite')('embedded backup and restore', () => {
  it('dumps atomically and restores every row', async () => {
    const source = await openDatabase({ dataDir: path.join(dir, 'data') });
    await migrate(source);
    await source.query(`insert into companies (name) values ('备份测试物业')`);
    const file = path.join(dir, 'backups', 'guanjia.tar.gz');
    const { bytes } = await backupPglite(source.pglite!, file);
    await source.close();
    expect(bytes).toBeGreaterThan(1000);
    expect(readdirSync(path.dirname(file))).toEqual(['guanjia.tar.gz']);

    const { readFileSync } = await import('node:fs');
    const restored = await openDatabase({
      dataDir: path.join(dir, 'restored'),
      loadDataDir: new Blob([readFileSync(file)]),
    });
    const rows = await restored.query<{ name: string }>('select name from companies');
    await restored.close();
    expect(rows.map((r) => r.name)).toEqual(['备份测试物业']);
  });
});
