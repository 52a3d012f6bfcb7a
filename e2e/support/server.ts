import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface Child {
  process: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function spawnServer(dataDir: string, webDist: string, port: number): Child {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GUANJIA_DATA_DIR: dataDir,
      GUANJIA_WEB_DIST: webDist,
      GUANJIA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      GUANJIA_BACKUP_ON_SHUTDOWN: '0',
      GUANJIA_LOG: '0',
      GUANJIA_STRICT_RESPONSES: '1',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, port, output: () => output, exited };
}

/** Poll /api/health until it answers, the process dies, or the deadline passes. */
async function waitHealthy(child: Child, timeoutMs: number): Promise<'ready' | 'exited'> {
  let dead = false;
  void child.exited.then(() => {
    dead = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) return 'exited';
    try {
      const res = await fetch(`http://127.0.0.1:${child.port}/api/health`);
      if (res.ok) return 'ready';
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.process.kill('SIGKILL');
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${child.output()}`);
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timer);
}

/**
 * The real server as a child process: fresh temp data dir (embedded PGlite, demo estate seeded on first
 * start), the admin password set, and the built console served at /.
 */
export async function startServer(): Promise<RunningServer> {
  await buildWeb();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-e2e-'));
  const child = spawnServer(path.join(dataDir, 'db'), WEB_DIST, await freePort());
  if ((await waitHealthy(child, 120_000)) === 'exited') {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`server exited during start:\n${child.output()}`);
  }
  const index = await fetch(`http://127.0.0.1:${child.port}/residents`);
  if (!index.ok || !(await index.text()).includes('<div id="root">')) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error('the server does not serve the console (apps/web/dist) with the SPA fallback');
  }
  return {
    url: `http://127.0.0.1:${child.port}`,
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    output: () => child.output(),
    async stop() {
      await stopChild(child);
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
