import net from 'node:net';

/** EADDRINUSE, EACCES… when the port cannot be bound, or null when it is free. */
function probe(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error) => resolve(error.code ?? error.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/**
 * npm start's early look at the ports the server will need (HTTP, and the SMTP intake when on), so a
 * taken port is reported before the console build; the same line as the server's own check
 * (apps/server/src/platform/net/port-check.ts), which stays the authority.
 */
export async function portsProblem(env) {
  const host = env.HOST || '0.0.0.0';
  const roles = (env.GUANJIA_ROLES || 'web,worker').split(',').map((r) => r.trim());
  if (!roles.includes('web')) return null;
  const needs = [{ what: 'HTTP', port: Number(env.PORT || 3000), env: 'PORT' }];
  if (env.GUANJIA_SMTP_PORT?.trim())
    needs.push({ what: 'SMTP mail intake', port: Number(env.GUANJIA_SMTP_PORT), env: 'GUANJIA_SMTP_PORT' });
  for (const need of needs) {
    // An invalid number is left to the server's configuration check, which names the setting.
    if (!Number.isInteger(need.port) || need.port <= 0 || need.port > 65535) continue;
    const code = await probe(need.port, host);
    if (!code) continue;
    const where = `port ${need.port}${host === '0.0.0.0' || host === '::' ? '' : ` on ${host}`}`;
    const why =
      code === 'EADDRINUSE'
        ? 'is already in use by another program'
        : code === 'EACCES'
          ? 'needs more privileges than this process has'
          : `cannot be opened (${code})`;
    return `Cannot start: ${where} (${need.what}) ${why}; stop that program or set ${need.env} to a free port.`;
  }
  return null;
}
