/**
 * The soak's HTTP client: every request is timed under its kind, and every non-2xx answer or network
 * error is counted there too, with its first few distinct messages kept for the report.
 */
import { type Summary, summarize } from './stats';

export const KINDS = [
  'intake',
  'ticket action',
  'work-order action',
  'portal login',
  'portal report',
  'PBX event',
  'notice send',
  'reads',
] as const;
export type Kind = (typeof KINDS)[number];

const TIMEOUT_MS = 30_000;
const KEPT_MESSAGES = 8;

export class Recorder {
  private readonly samples = new Map<Kind, number[]>();
  private readonly errors = new Map<Kind, number>();
  /** Distinct error messages (ids folded away) and how often each came. */
  readonly messages = new Map<string, number>();
  inFlight = 0;
  maxInFlight = 0;

  sample(kind: Kind, msValue: number): void {
    const list = this.samples.get(kind) ?? [];
    list.push(msValue);
    this.samples.set(kind, list);
  }

  error(kind: Kind, message: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    const key = `${kind}: ${message.replace(/\d{3,}/g, '#')}`.slice(0, 240);
    if (this.messages.has(key) || this.messages.size < KEPT_MESSAGES)
      this.messages.set(key, (this.messages.get(key) ?? 0) + 1);
  }

  summary(kind: Kind): Summary & { errors: number } {
    return { ...summarize(this.samples.get(kind) ?? []), errors: this.errors.get(kind) ?? 0 };
  }

  totalErrors(): number {
    return [...this.errors.values()].reduce((s, n) => s + n, 0);
  }
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One request: its latency (until the body is read) goes to `kind`; a failure is recorded and answers
 * null, so a flow stops where a real user would have been stuck rather than throwing.
 */
export function httpClient(baseUrl: string, recorder: Recorder) {
  return async function call<T>(
    kind: Kind,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<T | null> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    recorder.inFlight++;
    recorder.maxInFlight = Math.max(recorder.maxInFlight, recorder.inFlight);
    const started = performance.now();
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      recorder.sample(kind, performance.now() - started);
      if (!res.ok) {
        recorder.error(kind, `${method} ${path.split('?')[0]} → ${res.status} ${text.slice(0, 160)}`);
        return null;
      }
      return (text ? JSON.parse(text) : {}) as T;
    } catch (error) {
      recorder.sample(kind, performance.now() - started);
      recorder.error(kind, `${method} ${path.split('?')[0]} → ${(error as Error).message}`);
      return null;
    } finally {
      recorder.inFlight--;
    }
  };
}
export type Call = ReturnType<typeof httpClient>;
