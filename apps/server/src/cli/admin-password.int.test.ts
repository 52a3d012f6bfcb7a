import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServices, createServices } from '../platform/services';
import { bootstrapCompany } from '../seed/bootstrap';
import { freePort, REPO_ROOT, type ServerProcess, spawnServerProcess } from '../testing/server-process';
import { createScratchPostgres, testDbKind } from '../testing/test-database';
import { testConfig } from '../testing/test-server';

/**
 * `npm run admin:password` for an operator who lost the first start's output: the CLI, in its own
 * process, against a real database; the printed password then signs in on the real server.
 */
const OLD_PASSWORD = 'old-admin-pass-1';
let scratchDir: string;
let env: Record<string, string>;
let dropDb: (() => Promise<void>) | undefined;
let server: ServerProcess | undefined;

function runCli(
  extraEnv: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli/admin-password.ts', ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env, ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function login(password: string): Promise<number> {
  const res = await fetch(`${server?.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return res.status;
}

beforeAll(async () => {
  scratchDir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-admin-password-'));
  const scratch = testDbKind() === 'postgres' ? await createScratchPostgres() : null;
  dropDb = scratch?.drop;
  env = { GUANJIA_DATA_DIR: path.join(scratchDir, 'data'), DATABASE_URL: scratch?.url ?? '' };
  // An installation that has started once: the company and its admin, no demo estate (faster).
  const services = await createServices(
    testConfig({ dataDir: env.GUANJIA_DATA_DIR, databaseUrl: scratch?.url, testClock: false }),
  );
  await bootstrapCompany(services.database.db, services.clock, {
    companyName: '测试物业',
    adminPassword: OLD_PASSWORD,
    passwordCost: services.config.passwordCost,
  });
  await closeServices(services);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  rmSync(scratchDir, { recursive: true, force: true });
  await dropDb?.();
});

describe('npm run admin:password', () => {
  it('prints a new password that signs in; the old one no longer does', async () => {
    const { code, output } = await runCli({ PORT: String(await freePort()) });
    expect(code, output).toBe(0);
    const printed = /Admin login: admin \/ (\S+)/.exec(output)?.[1];
    expect(printed, output).toBeDefined();
    expect(printed).not.toBe(OLD_PASSWORD);

    server = spawnServerProcess(await freePort(), env);
    await server.ready(150_000);
    expect(await login(printed!)).toBe(200);
    expect(await login(OLD_PASSWORD)).toBe(401);
  }, 240_000);

  it.runIf(testDbKind() === 'pglite')(
    'refuses in one line while the server runs on the embedded database',
    async () => {
      expect(server, 'the first test started the server').toBeDefined();
      const { code, output } = await runCli({ PORT: String(server?.port) });
      expect(code, output).toBe(2);
      expect(output.trim()).toBe(
        `Port ${server?.port} is in use: stop the server first (the embedded database takes one process at a time), then run this again.`,
      );
    },
    120_000,
  );

  it('names a user that does not exist', async () => {
    await server?.stop();
    const { code, output } = await runCli({ PORT: String(await freePort()) }, ['nobody']);
    expect(code, output).toBe(1);
    expect(output.trim()).toBe('No user named "nobody" in this database.');
  }, 120_000);
});
