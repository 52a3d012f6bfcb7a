import path from 'node:path';
import { loadConfig } from '../config';
import { DataDirDamagedError, openEmbeddedChecked } from '../platform/db/integrity';
import { backupDir, backupPglite, timestampName } from './backup-core';
import { explainDamagedDataDir } from './damaged-data-dir';

// npm run backup [-- <file>]: dump the embedded database (stop the server first: PGlite is single-process).
const config = loadConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump instead.');
  process.exit(2);
}
const target = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.join(backupDir(), timestampName('guanjia', new Date()));
// A damaged database is not dumped: its copy would be taken for a good backup later.
const database = await openEmbeddedChecked(config.dataDir).catch(async (error: unknown) => {
  if (!(error instanceof DataDirDamagedError)) throw error;
  console.error(await explainDamagedDataDir(error));
  process.exit(3);
});
const { file, bytes } = await backupPglite(database.pglite!, target);
await database.close();
console.log(`Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
