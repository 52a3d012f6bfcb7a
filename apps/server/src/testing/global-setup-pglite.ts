import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGLITE_TEMPLATE_ENV, writeMigratedPgliteDump } from './migrated-template';

/** Migrates one embedded database for the whole PGlite run (migrated-template.ts says why). */
export default async function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-migrated-'));
  const file = path.join(dir, 'pglite.tar');
  await writeMigratedPgliteDump(file);
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
