/**
 * How late the server's jobs ran, read from its `jobs` table once it has stopped (the embedded engine's
 * data directory belongs to the server process while it runs; PostgreSQL could be read live, but one
 * way for both engines is simpler): for each job done in a window, the time from when it was due —
 * its run_at, or its enqueueing if that was later — to when a worker claimed it (locked_at) and to when
 * it finished.
 */
import { openDatabase } from '../../apps/server/src/platform/db/client';
import { type Summary, summarize } from './stats';

export interface Lateness {
  name: string;
  start: Summary;
  finish: Summary;
}

export interface JobFigures {
  byName: Lateness[];
  /** Jobs due before the window ended and never run (a backlog the server did not catch up with). */
  leftDue: number;
  failed: number;
}

const ms = (v: unknown) => Number(v);

export async function jobLateness(
  where: { url: string } | { dataDir: string },
  from: Date,
  to: Date,
): Promise<JobFigures> {
  const database = await openDatabase('url' in where ? { url: where.url, poolSize: 1 } : where);
  try {
    const rows = await database.query<{ name: string; start_ms: unknown; finish_ms: unknown }>(
      `select name,
              extract(epoch from (locked_at - greatest(run_at, created_at))) * 1000 as start_ms,
              extract(epoch from (finished_at - greatest(run_at, created_at))) * 1000 as finish_ms
         from jobs
        where state = 'done' and greatest(run_at, created_at) between $1 and $2`,
      [from, to],
    );
    const names = [...new Set(rows.map((r) => r.name))].sort();
    const byName = names.map((name) => {
      const mine = rows.filter((r) => r.name === name);
      return {
        name,
        start: summarize(mine.map((r) => ms(r.start_ms))),
        finish: summarize(mine.map((r) => ms(r.finish_ms))),
      };
    });
    const [left] = await database.query<{ n: unknown }>(
      "select count(*) as n from jobs where state in ('pending', 'running') and run_at <= $1",
      [to],
    );
    const [failed] = await database.query<{ n: unknown }>(
      "select count(*) as n from jobs where state = 'failed' and created_at between $1 and $2",
      [from, to],
    );
    return { byName, leftDue: Number(left?.n ?? 0), failed: Number(failed?.n ?? 0) };
  } finally {
    await database.close();
  }
}
