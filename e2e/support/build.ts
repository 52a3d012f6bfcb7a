import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'apps/web/dist');
export const ADMIN_PASSWORD = 'admin-e2e-12345';

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
