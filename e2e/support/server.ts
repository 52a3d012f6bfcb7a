import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort, spawnServerProcess } from '../../apps/server/src/testing/server-process';
import { ADMIN_PASSWORD, WEB_DIST } from './build';

export { ADMIN_PASSWORD, ROOT } from './build';
export { freePort };

export interface RunningServer {
  /** Where the browser goes: the server itself (it serves apps/web/dist at /). */
  url: string;
  dataDir: string;
  adminPassword: string;
  /** Server stdout and stderr so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The real server as a child process on a data dir of its own (embedded PGlite): a copy of the demo
 * estate seeded once for the run (global-setup.ts), the admin password set, and the built console
 * served at /.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-e2e-'));
  cpSync(path.join(inject('seededDataDir'), 'db'), path.join(dataDir, 'db'), { recursive: true });
  const child = spawnServerProcess(await freePort(), {
    GUANJIA_DATA_DIR: path.join(dataDir, 'db'),
    GUANJIA_WEB_DIST: WEB_DIST,
    GUANJIA_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  try {
    await child.ready(120_000);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const index = await fetch(`${child.url}/residents`);
  if (!index.ok || !(await index.text()).includes('<div id="root">')) {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error('the server does not serve the console (apps/web/dist) with the SPA fallback');
  }
  return {
    url: child.url,
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    output: () => child.output(),
    async stop() {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in API client (bearer token) for test setup and assertions. */
export async function apiClient(baseUrl: string, username = 'admin', password = ADMIN_PASSWORD) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    token,
    get: <T>(url: string) => call<T>('GET', url),
    post: <T>(url: string, body?: unknown) => call<T>('POST', url, body),
    patch: <T>(url: string, body: unknown) => call<T>('PATCH', url, body),
    put: <T>(url: string, body: unknown) => call<T>('PUT', url, body),
  };
}
