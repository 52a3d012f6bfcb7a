import { buildApp } from './app';
import { backupDir, backupOnShutdown } from './cli/backup-core';
import { startScheduledBackups } from './cli/backup-schedule';
import { explainDamagedDataDir } from './cli/damaged-data-dir';
import { backupSchedule } from './cli/rules/backups';
import { loadConfig } from './config';
import { smtpIntakePort } from './modules/mail/intake-port';
import { startSmtpReceiver } from './modules/mail/smtp-receiver';
import { DataDirDamagedError } from './platform/db/integrity';
import { closeServices, createServices } from './platform/services';
import { seedIfEmpty } from './seed/seed-if-empty';
import { registerWorkers } from './workers';

const started = performance.now();
const config = loadConfig();
const schedule = backupSchedule(process.env);
const services = await createServices(config).catch(async (error: unknown) => {
  // Never a silent empty start over a damaged embedded database: say what to restore, and stop.
  if (!(error instanceof DataDirDamagedError)) throw error;
  console.error(await explainDamagedDataDir(error));
  process.exit(3);
});
const seeded = await seedIfEmpty(services, { adminPassword: process.env.GUANJIA_ADMIN_PASSWORD });
const app = await buildApp(services, { logger: process.env.GUANJIA_LOG === '1' });
if (config.roles.worker) {
  registerWorkers(services);
  services.queue.start();
}
if (config.roles.web) await app.listen({ port: config.port, host: config.host });
else await app.ready();
const smtpPort = smtpIntakePort();
const smtp =
  config.roles.web && smtpPort !== null
    ? await startSmtpReceiver(services, { port: smtpPort, host: config.host })
    : null;

// The embedded engine does not fsync: these dumps bound what a power cut can lose (README).
const backups = services.database.pglite
  ? startScheduledBackups(services.database.pglite, { ...schedule, dir: backupDir() })
  : null;

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const url = `http://localhost:${config.port}`;
console.log(`Guanjia 管家 ${config.version} ready in ${seconds}s on ${services.database.kind} — ${url}`);
if (smtp) console.log(`  Mail intake (SMTP) on port ${smtp.port}`);
if (backups && schedule.everyMs)
  console.log(
    `  Backups every ${schedule.everyMs / 60_000} min to ${backupDir()} (last ${schedule.keep} kept)`,
  );
if (seeded) {
  console.log(`  Demo estate seeded: ${seeded.summary}`);
  console.log(
    `  Admin login: admin / ${seeded.adminPassword}${seeded.generatedPassword ? '  (generated; set GUANJIA_ADMIN_PASSWORD to choose)' : ''}`,
  );
  console.log('  Other demo staff use the password demo1234 (see README).');
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping…`);
  // Whatever hangs (a client that never closes, a stuck job), the process ends within 10 s.
  setTimeout(() => {
    console.error(`${signal}: shutdown took longer than 10 s, exiting`);
    process.exit(1);
  }, 9_000).unref();
  await smtp?.close();
  await app.close();
  await backups?.stop();
  await backupOnShutdown(services);
  await closeServices(services);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
