import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';
import { REPO_ROOT, spawnServerProcess } from '../testing/server-process';
import { testDbKind } from '../testing/test-database';
import { backupPglite } from './backup-core';

/**
 * The server process on a damaged copy of an embedded data directory: it must stop with a non-zero
 * code and the exact restore command for the newest good backup, and leave the directory as it was.
 */
const root = mkdtempSync(path.join(tmpdir(), 'guanjia-damaged-'));
const pristine = path.join(root, 'pristine');
const backups = path.join(root, 'backups');
let good: string;
let companiesFile: string;

/**
 * Every file's hash, but the engine's own bookkeeping that any open rewrites: its lock file, the
 * control file's state and the relation-cache files it rebuilds (no data lives in them).
 */
function snapshot(dir: string): Map<string, string> {
  const engineBookkeeping = new Set(['postmaster.pid', 'pg_control', 'pg_internal.init']);
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || engineBookkeeping.has(e.name)) continue;
    const full = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, full), createHash('sha1').update(readFileSync(full)).digest('hex'));
  }
  return out;
}

const garble = (file: string, offset: number, length: number) => {
  const bytes = readFileSync(file);
  for (let i = offset; i < offset + length; i++) bytes[i] = (bytes[i]! + 97) % 256;
  writeFileSync(file, bytes);
};

beforeAll(async () => {
  if (testDbKind() !== 'pglite') return;
  const source = await openDatabase({ dataDir: pristine });
  await migrate(source);
  await source.query(`insert into companies (name) values ('损坏测试物业')`);
  // Set every row's hint bits now: the start-up check reads each table, and a first read of rows
  // no one has read since they were written rewrites their pages (in the WAL), which is not damage.
  await source.query('vacuum');
  await source.query('checkpoint');
  const [rel] = await source.query<{ file: string }>(`select pg_relation_filepath('companies') as file`);
  companiesFile = rel!.file;
  good = path.join(backups, 'guanjia-auto-2025-12-06T02-00-00-000Z.tar.gz');
  await backupPglite(source.pglite!, good);
  await source.close();
  // Newer than the good one but unusable: a cut-off dump and a dump left half-written.
  const cut = path.join(backups, 'guanjia-auto-2025-12-06T02-15-00-000Z.tar.gz');
  writeFileSync(cut, readFileSync(good).subarray(0, 4096));
  writeFileSync(path.join(backups, 'guanjia-auto-2025-12-06T02-30-00-000Z.tar.gz.partial'), 'x');
  const t = Date.now() / 1000;
  utimesSync(good, t - 3600, t - 3600);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(testDbKind() === 'pglite')('a damaged embedded database stops the start', () => {
  it.each([
    {
      damage: 'PG_VERSION lost',
      apply: (dir: string) => unlinkSync(path.join(dir, 'PG_VERSION')),
      says: /no PG_VERSION/,
    },
    {
      damage: 'a data file torn mid-page',
      apply: (dir: string) => truncateSync(path.join(dir, companiesFile), 100),
      says: /end in the middle of a page/,
    },
    {
      damage: 'pg_control garbled',
      apply: (dir: string) => garble(path.join(dir, 'global', 'pg_control'), 0, 512),
      says: /the engine cannot open it/,
    },
    {
      damage: 'a page of the companies table garbled',
      apply: (dir: string) => garble(path.join(dir, companiesFile), 0, 24),
      says: /the start-up check failed \(invalid page/,
    },
  ])(
    '$damage → exit 3, the restore command, nothing overwritten',
    async ({ damage, apply, says }) => {
      const dataDir = path.join(root, damage.replaceAll(' ', '-'));
      cpSync(pristine, dataDir, { recursive: true });
      apply(dataDir);
      const before = snapshot(dataDir);

      const server = spawnServerProcess(0, { GUANJIA_DATA_DIR: dataDir, GUANJIA_BACKUP_DIR: backups });
      const code = await Promise.race([
        server.exited,
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), 60_000).unref()),
      ]);
      if (code === 'hung') await server.stop(1_000);
      const output = server.output();
      expect(code, output).toBe(3);
      expect(output).toMatch(says);
      expect(output).toContain(`Newest good backup: ${good}`);
      expect(output).toContain(`  GUANJIA_DATA_DIR=${dataDir} npm run restore -- ${good}`);
      expect(output).not.toContain('ready in');
      expect(snapshot(dataDir)).toEqual(before);
    },
    90_000,
  );

  it('the printed command restores the backup and moves the damaged directory aside', async () => {
    const dataDir = path.join(root, 'restore-me');
    cpSync(pristine, dataDir, { recursive: true });
    unlinkSync(path.join(dataDir, 'PG_VERSION'));
    const server = spawnServerProcess(0, { GUANJIA_DATA_DIR: dataDir, GUANJIA_BACKUP_DIR: backups });
    expect(await server.exited).toBe(3);
    const command = server
      .output()
      .split('\n')
      .find((l) => l.includes('npm run restore'))
      ?.trim();
    expect(command).toBeDefined();
    execFileSync('sh', ['-c', command!], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 60_000 });

    const aside = readdirSync(root).filter((f) => f.startsWith('restore-me.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(path.join(root, aside[0]!, companiesFile))).toBe(true);
    const restored = await openDatabase({ dataDir });
    const rows = await restored.query<{ name: string }>('select name from companies');
    await restored.close();
    expect(rows.map((r) => r.name)).toEqual(['损坏测试物业']);
  }, 120_000);
});
