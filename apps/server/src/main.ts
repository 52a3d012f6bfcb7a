import { buildApp } from './app';
import { backupDir, backupOnShutdown } from './cli/backup-core';
import { startScheduledBackups } from './cli/backup-schedule';
import { explainDamagedDataDir } from './cli/damaged-data-dir';
import { backupSchedule } from './cli/rules/backups';
import { loadConfig } from './config';
import { smtpIntakePort } from './modules/mail/intake-port';
import { startSmtpReceiver } from './modules/mail/smtp-receiver';
import { DataDirDamagedError } from './platform/db/integrity';
import { firstPortProblem, isAddressError, type PortNeed, portProblemLine } from './platform/net/port-check';
import { closeServices, createServices } from './platform/services';
import { seedIfEmpty } from './seed/seed-if-empty';
import { registerWorkers } from './workers';

const started = performance.now();
const config = loadConfig();
const schedule = backupSchedule(process.env);
const smtpPort = config.roles.web ? smtpIntakePort() : null;
const httpNeed: PortNeed = { what: 'HTTP', port: config.port, host: config.host, env: 'PORT' };
const smtpNeed: PortNeed | null =
  smtpPort === null
    ? null
    : { what: 'SMTP mail intake', port: smtpPort, host: config.host, env: 'GUANJIA_SMTP_PORT' };

// Before the database is opened, created or seeded: a start that could not serve stops with one line
// and leaves the data directory as it was (exit 2, like the other start-up refusals).
const portProblem = await firstPortProblem([
  ...(config.roles.web ? [httpNeed] : []),
  ...(smtpNeed ? [smtpNeed] : []),
]);
if (portProblem) {
  console.error(portProblem);
  process.exit(2);
}

const say = (line: string) => console.log(line);
const services = await createServices(config, { say }).catch(async (error: unknown) => {
  // Never a silent empty start over a damaged embedded database: say what to restore, and stop.
  if (!(error instanceof DataDirDamagedError)) throw error;
  console.error(await explainDamagedDataDir(error));
  process.exit(3);
});
const seeded = await seedIfEmpty(services, {
  adminPassword: process.env.GUANJIA_ADMIN_PASSWORD,
  onProgress: ({ n, total, what }) => say(`  Seeding the demo estate ${n}/${total}: ${what}…`),
});
const app = await buildApp(services, { logger: process.env.GUANJIA_LOG === '1' });
if (config.roles.worker) {
  registerWorkers(services);
  services.queue.start();
}
/** Another program took the port after the check: the same one line, not a stack trace. */
async function listenOrExit<T>(need: PortNeed, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    if (!isAddressError(error)) throw error;
    console.error(portProblemLine(need, error.code ?? 'EADDRINUSE'));
    await closeServices(services);
    process.exit(2);
  }
}
if (config.roles.web)
  await listenOrExit(httpNeed, () => app.listen({ port: config.port, host: config.host }));
else await app.ready();
const smtp = smtpNeed
  ? await listenOrExit(smtpNeed, () =>
      startSmtpReceiver(services, { port: smtpNeed.port, host: config.host }),
    )
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
