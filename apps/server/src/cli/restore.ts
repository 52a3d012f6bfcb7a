import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../platform/db/client';

// npm run restore -- <file>: replace the embedded data directory with a backup (server stopped).
const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('Usage: npm run restore -- <backup.tar.gz>');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore instead.');
  process.exit(2);
}
// The current data is moved aside, never deleted: a wrong restore can be undone by hand.
if (existsSync(config.dataDir)) {
  const aside = `${config.dataDir}.before-restore-${Date.now()}`;
  renameSync(config.dataDir, aside);
  console.log(`Previous data moved to ${aside}`);
}
const blob = new Blob([readFileSync(path.resolve(file))]);
const database = await openDatabase({ dataDir: config.dataDir, loadDataDir: blob });
const [row] = await database.query<{ n: number }>('select count(*)::int as n from residents');
await database.close();
console.log(`Restored ${file} into ${config.dataDir} (${row?.n ?? 0} residents).`);
