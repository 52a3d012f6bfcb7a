import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnServerProcess } from './testing/server-process';
import { createScratchPostgres, testDbKind } from './testing/test-database';

/**
 * `npm start` when a port it needs is taken: one line that names the port and the setting that
 * moves it, a non-zero exit, and nothing written — no data directory, no tables, no demo estate.
 */
let scratchDir: string;
let scratch: { url: string; drop: () => Promise<void> } | null = null;

beforeAll(async () => {
  scratchDir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-first-start-'));
  scratch = testDbKind() === 'postgres' ? await createScratchPostgres() : null;
});
afterAll(async () => {
  rmSync(scratchDir, { recursive: true, force: true });
  await scratch?.drop();
});

/** A listener on a free port, as another program would hold it. */
async function occupy(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function tablesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function startWithTaken(which: 'smtp' | 'http', dataDir: string) {
  const taken = await occupy();
  try {
    const server = spawnServerProcess(which === 'http' ? taken.port : await freePort(), {
      GUANJIA_SMTP_PORT: String(which === 'smtp' ? taken.port : await freePort()),
      GUANJIA_DATA_DIR: dataDir,
      DATABASE_URL: scratch?.url ?? '',
      GUANJIA_ADMIN_PASSWORD: 'never-used-123',
    });
    const code = await Promise.race([
      server.exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 90_000)),
    ]);
    if (code === 'still running') await server.stop();
    return { code, output: server.output(), port: taken.port };
  } finally {
    await taken.close();
  }
}

describe('first start with a port already taken', () => {
  it('the SMTP port: exits non-zero with one line, before writing anything', async () => {
    const dataDir = path.join(scratchDir, 'smtp', 'data');
    const { code, output, port } = await startWithTaken('smtp', dataDir);
    expect(code, output).toBe(2);
    const lines = output.trim().split('\n');
    expect(lines, output).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port} on 127.0.0.1 (SMTP mail intake) is already in use`);
    expect(lines[0]).toContain('GUANJIA_SMTP_PORT');
    expect(output).not.toMatch(/\n\s+at /);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(path.dirname(dataDir))).toBe(false);
    if (scratch) expect(await tablesIn(scratch.url)).toBe(0);
  }, 120_000);

  it('the HTTP port: the same, naming PORT', async () => {
    const dataDir = path.join(scratchDir, 'http', 'data');
    const { code, output, port } = await startWithTaken('http', dataDir);
    expect(code, output).toBe(2);
    expect(output.trim().split('\n'), output).toEqual([
      `Cannot start: port ${port} on 127.0.0.1 (HTTP) is already in use by another program; stop that program or set PORT to a free port.`,
    ]);
    expect(existsSync(dataDir)).toBe(false);
    if (scratch) expect(await tablesIn(scratch.url)).toBe(0);
  }, 120_000);
});
