import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/client';
import { testDbKind } from '../testing/test-database';
import { SCHEDULED_PREFIX, startScheduledBackups } from './backup-schedule';

const dir = mkdtempSync(path.join(tmpdir(), 'guanjia-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Poll `check` until it holds; fail with `what` after the deadline (no fixed sleeps). */
async function until(what: string, check: () => boolean, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Scheduled backups are for the embedded engine; PostgreSQL uses pg_dump.
describe.runIf(testDbKind() === 'pglite')('scheduled online backups', () => {
  it('writes a backup every interval while the database is in use, and keeps the newest N', async () => {
    const database = await openDatabase({ dataDir: path.join(dir, 'data') });
    await database.query('create table rows_written (n int)');
    const backups = path.join(dir, 'backups');
    const written: string[] = [];
    const everyMs = 400;
    const keep = 2;
    const started = Date.now();
    const schedule = startScheduledBackups(database.pglite!, {
      everyMs,
      keep,
      dir: backups,
      log: (line) => written.push(line),
    });
    const files = () => {
      try {
        return readdirSync(backups).sort();
      } catch {
        return [];
      }
    };

    // The first one on time: not before the interval, and well before a second interval is over
    // plus the dump itself (a few hundred ms here; the bound leaves room for a loaded machine).
    await until('the first scheduled backup', () => files().length > 0, 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(everyMs);
    expect(written[0]).toMatch(
      /^Backup written: .*guanjia-auto-.*\.tar\.gz \(.* MB, database busy \d+ ms\)$/,
    );

    // Online: the database keeps taking writes between dumps.
    let n = 0;
    await until(
      `${keep + 2} backups`,
      () => {
        void database.query('insert into rows_written values ($1)', [++n]);
        return written.length >= keep + 2;
      },
      30_000,
    );
    await schedule.stop();
    const rowsAtStop = await database.query<{ n: number }>('select count(*)::int as n from rows_written');
    await database.close();

    expect(written.every((l) => l.startsWith('Backup written:'))).toBe(true);
    const kept = files();
    expect(kept).toHaveLength(keep);
    expect(kept.every((f) => f.startsWith(`${SCHEDULED_PREFIX}-`) && f.endsWith('.tar.gz'))).toBe(true);
    // The newest ones are those kept: the last log line names the newest file.
    expect(written.at(-1)).toContain(kept.at(-1));

    // The newest backup restores to a working database with the rows written before it.
    const restored = await openDatabase({
      dataDir: path.join(dir, 'restored'),
      loadDataDir: new Blob([readFileSync(path.join(backups, kept.at(-1)!))]),
    });
    const [row] = await restored.query<{ n: number }>('select count(*)::int as n from rows_written');
    await restored.close();
    expect(row!.n).toBeGreaterThan(0);
    expect(row!.n).toBeLessThanOrEqual(rowsAtStop[0]!.n);
  }, 90_000);
});
