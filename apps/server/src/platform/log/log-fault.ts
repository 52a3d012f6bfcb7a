/**
 * Faults an operator must see whatever GUANJIA_LOG says: every 5xx answer, every failed job attempt,
 * every stored value a reader had to replace by its default. One JSON line per entry on stderr, so a
 * service center that never turned on the per-request access log (GUANJIA_LOG=1) still finds the
 * cause of a 500 in its journal.
 */
export interface LogSink {
  write(line: string): unknown;
}

export type FaultLevel = 'warn' | 'error';

let sink: LogSink = process.stderr;

/** Where the lines go; tests read them. Returns the sink it replaced, to restore afterwards. */
export function setFaultSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

/** An Error's name, message, code and stack (and its cause's, where drivers hide the real one). */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    stack: error.stack,
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

export function logFault(
  level: FaultLevel,
  msg: string,
  fields: { err?: unknown; [key: string]: unknown } = {},
) {
  const { err, ...rest } = fields;
  const entry = {
    level,
    time: new Date().toISOString(),
    msg,
    ...rest,
    ...(err === undefined ? {} : { err: serializeError(err) }),
  };
  let line: string;
  try {
    line = JSON.stringify(entry);
  } catch {
    // A field that cannot be serialized (a cycle) must not hide the fault itself.
    line = JSON.stringify({ level, time: entry.time, msg, err: serializeError(err) });
  }
  sink.write(`${line}\n`);
}

const warned = new Set<string>();

/**
 * A warning about a stored value, once per process and key: the readers of a bad setting run on every
 * request, and one line says what to fix as well as a thousand.
 */
export function warnOnce(key: string, msg: string, fields: Record<string, unknown> = {}): void {
  if (warned.has(key)) return;
  warned.add(key);
  logFault('warn', msg, fields);
}
