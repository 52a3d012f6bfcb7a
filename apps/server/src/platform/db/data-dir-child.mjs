// Creates and migrates a new embedded database in its own process (plain JavaScript, so it runs the
// same under tsx and from the server bundle). PGlite's initdb starts a second engine and peaks near
// 1 GB; in a child that memory goes back to the system when it exits, and the server then opens a
// finished directory. The work happens in a staging directory renamed into place at the end, so a
// start that dies half-way leaves no half-made database behind.
// Usage: node data-dir-child.mjs <dataDir> <migrationsFolder>
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const [dataDir, migrationsFolder] = process.argv.slice(2);
if (!dataDir || !migrationsFolder) {
  console.error('usage: data-dir-child.mjs <dataDir> <migrationsFolder>');
  process.exit(2);
}
/** Staging becomes the target; an empty target that cannot be removed (a mount point) is filled entry by entry. */
function moveInto(staging, target) {
  if (existsSync(target)) {
    try {
      rmdirSync(target);
    } catch {
      for (const entry of readdirSync(staging))
        renameSync(path.join(staging, entry), path.join(target, entry));
      rmSync(staging, { recursive: true, force: true });
      return;
    }
  }
  renameSync(staging, target);
}

const target = path.resolve(dataDir);
const staging = `${target}.creating-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
try {
  const client = await PGlite.create({ dataDir: staging, extensions: { pg_trgm } });
  await migrate(drizzle(client), { migrationsFolder });
  await client.close();
  moveInto(staging, target);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
