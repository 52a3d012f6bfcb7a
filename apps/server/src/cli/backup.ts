import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../platform/db/client';
import { backupDir, backupPglite, timestampName } from './backup-core';

// npm run backup [-- <file>]: dump the embedded database (stop the server first: PGlite is single-process).
const config = loadConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump instead.');
  process.exit(2);
}
const target = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.join(backupDir(), timestampName('guanjia'));
const database = await openDatabase({ dataDir: config.dataDir });
const { file, bytes } = await backupPglite(database.pglite!, target);
await database.close();
console.log(`Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
