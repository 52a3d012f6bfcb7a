import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, spawnServerProcess } from '../../apps/server/src/testing/server-process';

export { freePort };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'apps/web/dist');
export const ADMIN_PASSWORD = 'admin-e2e-12345';

export interface RunningServer {
  /** Where the browser goes: the server itself (it serves apps/web/dist at /). */
  url: string;
  dataDir: string;
  adminPassword: string;
  /** Server stdout and stderr so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const LOCK = path.join(
  os.tmpdir(),
  `guanjia-web-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`,
);

/**
 * Build the console if its sources changed since the last build (scripts/web-build.mjs). Test files may
 * run in parallel workers: a lock directory makes one build while the others wait, then find it fresh.
 */
export async function buildWeb(): Promise<void> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'scripts/web-build.mjs')).href)) as {
    ensureWebBuild: () => void;
  };
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left behind by a killed run is stale after five minutes.
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`web build lock ${LOCK} held for too long`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const cwd = process.cwd();
  try {
    process.chdir(ROOT); // ensureWebBuild works with paths relative to the repository root
    module.ensureWebBuild();
  } finally {
    process.chdir(cwd);
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * The real server as a child process: fresh temp data dir (embedded PGlite, demo estate seeded on first
 * start), the admin password set, and the built console served at /.
 */
export async function startServer(): Promise<RunningServer> {
  await buildWeb();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-e2e-'));
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
