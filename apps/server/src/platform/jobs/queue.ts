import type { DbOrTx } from '../db/client';

export interface JobContext<P> {
  id: number;
  payload: P;
  attempt: number;
  now: Date;
  /** Stored on the job row (and published by callers that want live progress). */
  progress(value: Record<string, unknown>): Promise<void>;
}

export type JobHandler<P> = (ctx: JobContext<P>) => Promise<unknown>;

export interface EnqueueOptions {
  runAt?: Date;
  /** Same key twice → one job (cron slots, idempotent callers). */
  dedupeKey?: string;
  maxAttempts?: number;
  /** Enqueue inside the caller's transaction: the job exists only if the write commits. */
  tx?: DbOrTx;
}

export interface JobQueue {
  register<P>(name: string, handler: JobHandler<P>): void;
  enqueue<P>(name: string, payload: P, options?: EnqueueOptions): Promise<number | null>;
  /** Run `name` on a five-field cron in Asia/Shanghai; every node may call this, each slot runs once. */
  schedule(name: string, cron: string, payload?: unknown): void;
  start(): void;
  stop(): Promise<void>;
  /** Run everything due now until nothing is left (tests and the test clock use it). */
  drain(): Promise<number>;
}
