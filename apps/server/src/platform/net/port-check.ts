import net from 'node:net';

export interface PortNeed {
  /** What the port is for, as the one-line message names it ("HTTP", "SMTP mail intake"). */
  what: string;
  port: number;
  host: string;
  /** The setting that moves it, named in the message. */
  env: string;
}

/** Answers the error code (EADDRINUSE, EACCES, …) when the port cannot be bound, or null when it is free. */
export function probePort(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

/** One line a person can act on, for a port the server cannot bind. */
export function portProblemLine(need: PortNeed, code: string): string {
  const where = `port ${need.port}${need.host === '0.0.0.0' || need.host === '::' ? '' : ` on ${need.host}`}`;
  const why =
    code === 'EADDRINUSE'
      ? 'is already in use by another program'
      : code === 'EACCES'
        ? 'needs more privileges than this process has'
        : `cannot be opened (${code})`;
  return `Cannot start: ${where} (${need.what}) ${why}; stop that program or set ${need.env} to a free port.`;
}

/**
 * Checked before the database is opened or seeded: a start that cannot serve stops here, with one
 * line, and leaves the data directory as it was. Port 0 (any free port) always passes.
 */
export async function firstPortProblem(needs: PortNeed[]): Promise<string | null> {
  for (const need of needs) {
    if (need.port === 0) continue;
    const code = await probePort(need.port, need.host);
    if (code) return portProblemLine(need, code);
  }
  return null;
}

/** The same line for a port lost between the check and the listen (another program was quicker). */
export function isAddressError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL';
}
