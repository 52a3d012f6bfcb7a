import { buildApp } from './app';
import { backupOnShutdown } from './cli/backup-core';
import { loadConfig } from './config';
import { smtpIntakePort } from './modules/mail/intake-port';
import { startSmtpReceiver } from './modules/mail/smtp-receiver';
import { closeServices, createServices } from './platform/services';
import { seedIfEmpty } from './seed/seed-if-empty';
import { registerWorkers } from './workers';

const started = performance.now();
const config = loadConfig();
const services = await createServices(config);
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

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const url = `http://localhost:${config.port}`;
console.log(`Guanjia 管家 ${config.version} ready in ${seconds}s on ${services.database.kind} — ${url}`);
if (smtp) console.log(`  Mail intake (SMTP) on port ${smtp.port}`);
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
  await backupOnShutdown(services);
  await closeServices(services);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
