import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/**
 * GUANJIA_SMTP_PORT turns the built-in receiver on (npm start sets 2525); unset or empty, it stays
 * off, so tests and extra web nodes do not compete for the port.
 */
export function smtpIntakePort(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.GUANJIA_SMTP_PORT?.trim();
  return raw ? port.parse(raw) : null;
}
