import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Clock } from '../clock/clock';
import { zonedParts } from '../clock/zoned';
import type { Database } from '../db/client';
import { logFault } from '../log/log-fault';
import type { EnqueueOptions, JobHandler, JobQueue } from './queue';
import { type CronSpec, cronMatches, parseCron, retryDelayMs } from './rules/cron';
import { jobs } from './schema';
import { yieldToEventLoop } from './yield-to-event-loop';

interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/** A job 'running' this long is on a node that died; another node runs it again. */
const STUCK_AFTER_MS = 5 * 60_000;
/**
 * A pass hands over to a fresh one after this long, so a backlog of thousands of due jobs does not hold
 * one pass for minutes: the next pass checks the cron slots again, and a minute's sweep is not skipped.
 */
const PASS_BUDGET_MS = 1_000;

/**
 * The default queue: a jobs table claimed with FOR UPDATE SKIP LOCKED, so it works on the embedded
 * engine and across several nodes sharing one PostgreSQL.
 */
export function createLocalQueue(
  database: Database,
  clock: Clock,
  options: { pollMs?: number; stuckAfterMs?: number } = {},
): JobQueue {
  const handlers = new Map<string, JobHandler<unknown>>();
  const crons: { name: string; spec: CronSpec; payload: unknown }[] = [];
  const worker = randomUUID();
  const pollMs = options.pollMs ?? 1_000;
  const stuckAfterMs = options.stuckAfterMs ?? STUCK_AFTER_MS;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;
  let lastCronMinute = '';

  async function claim(): Promise<ClaimedJob | null> {
    const now = clock.now();
    const rows = await database.query<ClaimedJob>(
      `update jobs set state = 'running', locked_by = $1, locked_at = $2, attempts = attempts + 1
        where id = (select id from jobs
                     where (state = 'pending' and run_at <= $2)
                        or (state = 'running' and locked_at < $3)
                     order by run_at, id limit 1 for update skip locked)
        returning id, name, payload, attempts, max_attempts`,
      [worker, now, new Date(now.getTime() - stuckAfterMs)],
    );
    return rows[0] ?? null;
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = handlers.get(job.name);
    const now = clock.now();
    try {
      if (!handler) throw new Error(`no handler registered for job ${job.name}`);
      const result = await handler({
        id: job.id,
        payload: job.payload,
        attempt: job.attempts,
        now,
        progress: async (value) => {
          await database.db.update(jobs).set({ progress: value }).where(eq(jobs.id, job.id));
        },
      });
      await database.db
        .update(jobs)
        .set({ state: 'done', result: result ?? null, finishedAt: clock.now(), lockedBy: null })
        .where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.max_attempts;
      // The jobs row keeps only the message; the stack goes to the fault log, whatever GUANJIA_LOG says.
      logFault('error', final ? 'job failed' : 'job attempt failed, will retry', {
        // bigint ids come back as strings from node-postgres and as numbers from PGlite.
        jobId: Number(job.id),
        job: job.name,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        err: error,
      });
      await database.db
        .update(jobs)
        .set({
          state: final ? 'failed' : 'pending',
          lastError: message.slice(0, 2000),
          runAt: new Date(clock.now().getTime() + retryDelayMs(job.attempts)),
          lockedBy: null,
          finishedAt: final ? clock.now() : null,
        })
        .where(eq(jobs.id, job.id));
    }
  }

  async function enqueueCrons(): Promise<void> {
    const now = clock.now();
    const parts = zonedParts(now);
    const minuteKey = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
    if (minuteKey === lastCronMinute) return;
    lastCronMinute = minuteKey;
    for (const cron of crons) {
      if (!cronMatches(cron.spec, parts)) continue;
      await queue.enqueue(cron.name, cron.payload, {
        dedupeKey: `cron:${cron.name}:${minuteKey}`,
        maxAttempts: 1,
      });
    }
  }

  async function loop(): Promise<number> {
    let count = 0;
    const started = performance.now();
    await enqueueCrons();
    // stop() waits for the job at hand, not for the backlog: what is left stays pending for the next
    // start (a SIGTERM must end the process within seconds).
    while (!stopped) {
      const job = await claim();
      if (!job) break;
      await runOne(job);
      count += 1;
      // Between two jobs the server answers whatever arrived meanwhile: on the embedded engine nothing
      // else would run until the whole backlog is done (see yieldToEventLoop).
      await yieldToEventLoop();
      if (performance.now() - started >= PASS_BUDGET_MS) {
        // More may be due: a fresh pass follows at once (tick() sees `again`).
        again = true;
        break;
      }
    }
    return count;
  }

  /** One loop at a time per node; a wake-up during a loop schedules one more pass. */
  function tick(): Promise<number> {
    // A web-only node registers no handlers: it must not claim (and fail) the workers' jobs when its
    // test clock moves.
    if (stopped || handlers.size === 0) return Promise.resolve(0);
    if (running) {
      again = true;
      return running;
    }
    running = loop()
      .catch((error: unknown) => {
        // A pass that cannot claim or record (the database went away) is retried by the next tick.
        logFault('error', 'job queue pass failed', { err: error });
        return 0;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void tick();
        }
      });
    return running;
  }

  const queue: JobQueue = {
    register<P>(name: string, handler: JobHandler<P>) {
      handlers.set(name, handler as JobHandler<unknown>);
    },
    async enqueue<P>(name: string, payload: P, opts: EnqueueOptions = {}) {
      const rows = await (opts.tx ?? database.db)
        .insert(jobs)
        .values({
          name,
          payload: payload ?? {},
          runAt: opts.runAt ?? clock.now(),
          dedupeKey: opts.dedupeKey ?? null,
          maxAttempts: opts.maxAttempts ?? 5,
        })
        .onConflictDoNothing({ target: jobs.dedupeKey })
        .returning({ id: jobs.id });
      // Not inside a caller's transaction: the row is visible now, so work can start at once.
      if (timer && !opts.tx) setImmediate(() => void tick());
      return rows[0]?.id ?? null;
    },
    schedule(name, cron, payload = {}) {
      crons.push({ name, spec: parseCron(cron), payload });
    },
    start() {
      if (timer) return;
      stopped = false;
      timer = setInterval(() => void tick(), pollMs);
      void tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    /**
     * Passes of our own until one finds nothing due. A pass that was already running (the poller's, or
     * a wake-up's) may have looked before the clock moved, so it does not count: wait for it, then look
     * again. (Waiting for `running` to become null instead never ends while the poller keeps ticking.)
     */
    async drain() {
      let total = 0;
      for (;;) {
        while (running) await running;
        const n = await tick();
        total += n;
        if (n === 0) return total;
      }
    },
  };
  return queue;
}
