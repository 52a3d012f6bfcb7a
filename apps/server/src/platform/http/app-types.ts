import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthContext } from '../auth/context';
import type { ScryptCost } from '../auth/password-cost';
import type { Bus } from '../bus/bus';
import type { Clock, ControllableClock } from '../clock/clock';
import type { Database } from '../db/client';
import type { JobQueue } from '../jobs/queue';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** shared_buffers of the embedded engine (GUANJIA_PGLITE_SHARED_BUFFERS). */
  pgliteSharedBuffers?: string;
  databaseUrl?: string;
  bus: 'memory' | 'postgres' | 'redis';
  redisUrl?: string;
  roles: { web: boolean; worker: boolean };
  testClock: boolean;
  webDist?: string;
  bodyLimitBytes: number;
  /** Secure cookies when served over https. */
  secureCookies: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs); empty: none. */
  trustProxy: string[];
  version: string;
  /** Fail a request whose response schema drops a key the handler sent (tests; GUANJIA_STRICT_RESPONSES=1). */
  strictResponses?: boolean;
  /** scrypt factors of staff passwords: PASSWORD_COST in production, lower in tests so fixtures stay fast. */
  passwordCost: ScryptCost;
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
