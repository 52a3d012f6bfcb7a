import path from 'node:path';
import { loadConfig } from '../config';
import { systemClock } from '../platform/clock/clock';
import { openDatabase } from '../platform/db/client';
import { DataDirDamagedError, inspectDataDir, openEmbeddedChecked } from '../platform/db/integrity';
import { migrate } from '../platform/db/migrate';
import { probePort } from '../platform/net/port-check';
import { explainDamagedDataDir } from './damaged-data-dir';
import { resetAdminPassword } from './reset-admin-password';

// npm run admin:password [-- <username>]: a new password for the admin (GUANJIA_ADMIN_PASSWORD to choose
// it), printed once. On the embedded database stop the server first: PGlite is single-process.
const config = loadConfig();
const username = process.argv[2] || 'admin';

function fail(line: string, code: number): never {
  console.error(line);
  process.exit(code);
}

if (!config.databaseUrl) {
  const state = inspectDataDir(config.dataDir);
  if (state === 'absent' || state === 'empty')
    fail(
      `No database in ${path.resolve(config.dataDir)} yet: run npm start once (it prints the admin login).`,
      2,
    );
  // Two processes on one embedded database would damage it; a running server holds its HTTP port.
  if ((await probePort(config.port, config.host)) === 'EADDRINUSE')
    fail(
      `Port ${config.port} is in use: stop the server first (the embedded database takes one process at a time), then run this again.`,
      2,
    );
}
const database = config.databaseUrl
  ? await openDatabase({ url: config.databaseUrl, poolSize: 1 })
  : await openEmbeddedChecked(config.dataDir, { sharedBuffers: config.pgliteSharedBuffers }).catch(
      async (error: unknown) => {
        if (!(error instanceof DataDirDamagedError)) throw error;
        fail(await explainDamagedDataDir(error), 3);
      },
    );
// A database from an older version gets the schema this code expects, as npm start would do.
await migrate(database);
const result = await resetAdminPassword({
  db: database.db,
  clock: systemClock,
  passwordCost: config.passwordCost,
  username,
  password: process.env.GUANJIA_ADMIN_PASSWORD,
});
await database.close();
if (!result.ok) fail(`No user named "${username}" in this database.`, 1);
console.log(`Admin login: ${result.username} / ${result.password}`);
console.log('  The old password and every open session of this account no longer work.');
