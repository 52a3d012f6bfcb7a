import { isIP } from 'node:net';

/** Ranges proxy-addr (Fastify's trustProxy) knows by name. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of GUANJIA_TRUST_PROXY: an address, an address/prefix, or a named range. */
export function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * GUANJIA_TRUST_PROXY, comma-separated. Empty means no proxy is trusted: the client address is the
 * socket's, so a forged X-Forwarded-For cannot pick the address the login throttle counts. An entry
 * that is not an address or CIDR is refused at start rather than silently trusting too much or nothing.
 */
export function parseTrustProxy(
  value: string,
): { ok: true; entries: string[] } | { ok: false; invalid: string[] } {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const invalid = entries.filter((e) => !isProxyEntry(e));
  return invalid.length ? { ok: false, invalid } : { ok: true, entries };
}
