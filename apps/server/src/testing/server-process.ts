import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The real server (`apps/server/src/main.ts`, as `npm start` runs it) in a child process. */
export interface ServerProcess {
  process: ChildProcess;
  port: number;
  url: string;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  exited: Promise<number | null>;
  /** Poll /api/health until it answers; throws when the process dies or the deadline passes. */
  ready(timeoutMs: number): Promise<void>;
  /** SIGTERM, and SIGKILL after `graceMs`; answers how long the process took to exit and whether it had to be killed. */
  stop(graceMs?: number): Promise<{ ms: number; killed: boolean }>;
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

export function spawnServerProcess(port: number, env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GUANJIA_BACKUP_ON_SHUTDOWN: '0',
      // Test servers never leave scheduled dumps in the repository's backups/.
      GUANJIA_BACKUP_EVERY_MINUTES: '0',
      GUANJIA_LOG: '0',
      // Tests fail an answer that would silently lose a field its schema does not declare.
      GUANJIA_STRICT_RESPONSES: '1',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  return {
    process: child,
    port,
    url,
    output: () => output,
    exited,
    async ready(timeoutMs) {
      let dead = false;
      void exited.then(() => {
        dead = true;
      });
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (dead) throw new Error(`server exited during start:\n${output}`);
        try {
          if ((await fetch(`${url}/api/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output}`);
    },
    async stop(graceMs = 10_000) {
      const started = Date.now();
      if (child.exitCode !== null || child.signalCode !== null) return { ms: 0, killed: false };
      let killed = false;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, graceMs);
      await exited;
      clearTimeout(timer);
      return { ms: Date.now() - started, killed };
    },
  };
}
