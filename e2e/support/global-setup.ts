import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, spawnServerProcess } from '../../apps/server/src/testing/server-process';
import { ADMIN_PASSWORD, buildWeb, WEB_DIST } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data dir holding the seeded demo estate, made once for the whole browser run. */
    seededDataDir: string;
  }
}

/**
 * Seeding the demo estate is most of a first start. It is done once here, by a real first start that
 * is then stopped cleanly; each test file's server starts on its own copy of that data dir, as a
 * restart does. Every file still gets a server and a database of its own.
 */
export default async function setup(project: TestProject) {
  await buildWeb();
  const template = mkdtempSync(path.join(os.tmpdir(), 'guanjia-e2e-seeded-'));
  const child = spawnServerProcess(await freePort(), {
    GUANJIA_DATA_DIR: path.join(template, 'db'),
    GUANJIA_WEB_DIST: WEB_DIST,
    GUANJIA_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  try {
    await child.ready(900_000);
    const stopped = await child.stop(60_000);
    if (stopped.killed) throw new Error(`the seeding server had to be killed:\n${child.output()}`);
  } catch (error) {
    await child.stop();
    rmSync(template, { recursive: true, force: true });
    throw error;
  }
  project.provide('seededDataDir', template);
  return () => rmSync(template, { recursive: true, force: true });
}
