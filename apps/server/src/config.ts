import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './paths';
import { PASSWORD_COST } from './platform/auth/password-cost';
import type { Config } from './platform/http/app-types';
import { parseTrustProxy } from './platform/http/trust-proxy';

const root = REPO_ROOT;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  GUANJIA_DATA_DIR: z.string().default(path.join(root, 'data')),
  // PGlite's default (128MB) costs ~100 MB of resident memory the demo estate never uses; the OS page
  // cache still holds the files. Raise it for a large estate (README).
  GUANJIA_PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'a size like 32MB')
    .default('32MB'),
  DATABASE_URL: z.string().optional(),
  GUANJIA_BUS: z.enum(['memory', 'postgres', 'redis']).optional(),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  GUANJIA_ROLES: z.string().default('web,worker'),
  GUANJIA_TEST_CLOCK: z.enum(['0', '1']).default('0'),
  GUANJIA_WEB_DIST: z.string().default(path.join(root, 'apps/web/dist')),
  GUANJIA_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  GUANJIA_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  GUANJIA_STRICT_RESPONSES: z.enum(['0', '1']).default('0'),
  GUANJIA_TRUST_PROXY: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed.ok) return parsed.entries;
      ctx.addIssue({
        code: 'custom',
        message: `not an address or CIDR: ${parsed.invalid.join(', ')}`,
      });
      return z.NEVER;
    }),
  // Shorter than the longest job would run it twice; below 5 min only for tests of a dying node.
  GUANJIA_JOB_STUCK_AFTER_MS: z.coerce.number().int().min(1000).default(300_000),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const roles = new Set(e.GUANJIA_ROLES.split(',').map((r) => r.trim()));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const databaseUrl = e.DATABASE_URL || undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.GUANJIA_DATA_DIR,
    pgliteSharedBuffers: e.GUANJIA_PGLITE_SHARED_BUFFERS,
    databaseUrl,
    // Several nodes only share one bus through PostgreSQL (or Redis); the embedded engine is one process.
    bus: e.GUANJIA_BUS ?? (databaseUrl ? 'postgres' : 'memory'),
    redisUrl: e.REDIS_URL,
    roles: { web: roles.has('web'), worker: roles.has('worker') },
    testClock: e.GUANJIA_TEST_CLOCK === '1',
    webDist: e.GUANJIA_WEB_DIST,
    bodyLimitBytes: e.GUANJIA_BODY_LIMIT,
    secureCookies: e.GUANJIA_SECURE_COOKIES === '1',
    trustProxy: e.GUANJIA_TRUST_PROXY,
    jobStuckAfterMs: e.GUANJIA_JOB_STUCK_AFTER_MS,
    version: pkg.version,
    strictResponses: e.GUANJIA_STRICT_RESPONSES === '1',
    passwordCost: PASSWORD_COST,
  };
}
