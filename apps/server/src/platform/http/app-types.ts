import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthContext } from '../auth/context';
import type { Bus } from '../bus/bus';
import type { Clock, ControllableClock } from '../clock/clock';
import type { Database } from '../db/client';
import type { JobQueue } from '../jobs/queue';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  bus: 'memory' | 'postgres' | 'redis';
  redisUrl?: string;
  roles: { web: boolean; worker: boolean };
  testClock: boolean;
  webDist?: string;
  bodyLimitBytes: number;
  /** Secure cookies when served over https. */
  secureCookies: boolean;
  version: string;
  /** A job 'running' longer than this is taken to be on a dead node and is run again (default 5 min). */
  jobStuckAfterMs?: number;
}

export interface Services {
  config: Config;
  database: Database;
  clock: Clock;
  /** Present only when GUANJIA_TEST_CLOCK=1. */
  testClock?: ControllableClock;
  bus: Bus;
  queue: JobQueue;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    routeTable: { method: string; url: string }[];
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
