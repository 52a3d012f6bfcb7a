/** scrypt's work factors: N (CPU and memory cost, a power of two), r (block size), p (parallelism). */
export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1 — 128 MiB and a few
 * hundred milliseconds per hash, which is the point. Tests lower it through the config, never here.
 */
export const PASSWORD_COST: ScryptCost = { n: 2 ** 17, r: 8, p: 1 };
export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

export interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

/** Format: scrypt$N$r$p$salt$hash (base64): the parameters travel with the hash so they can be raised later. */
export function formatHash(cost: ScryptCost, salt: Buffer, key: Buffer): string {
  return `scrypt$${cost.n}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const positiveInt = (s: string | undefined) => (s && /^[1-9][0-9]{0,9}$/.test(s) ? Number(s) : null);

export function parseHash(stored: string): ParsedHash | null {
  const [algo, n, r, p, salt, key, ...rest] = stored.split('$');
  const cost = { n: positiveInt(n), r: positiveInt(r), p: positiveInt(p) };
  if (algo !== 'scrypt' || rest.length || !salt || !key) return null;
  if (cost.n === null || cost.r === null || cost.p === null) return null;
  // scrypt only accepts a power of two above 1 for N.
  if (cost.n < 2 || (cost.n & (cost.n - 1)) !== 0) return null;
  return {
    cost: { n: cost.n, r: cost.r, p: cost.p },
    salt: Buffer.from(salt, 'base64'),
    key: Buffer.from(key, 'base64'),
  };
}

/**
 * A stored hash weaker than the target in any factor (or with a shorter salt or key, or unreadable)
 * is replaced at the next successful login, the only moment the password is known. A stronger one
 * is kept: raising the cost must never be undone by a node with an older setting.
 */
export function needsRehash(stored: string, target: ScryptCost): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { cost, salt, key } = parsed;
  return (
    cost.n < target.n ||
    cost.r < target.r ||
    cost.p < target.p ||
    salt.length < SALT_BYTES ||
    key.length < KEY_BYTES
  );
}

/** Bytes OpenSSL's scrypt allocates for these factors: V is 128·r·(N+2), B is 128·r·p. */
export const scryptMemory = (cost: ScryptCost) => 128 * cost.r * (cost.n + 2) + 128 * cost.r * cost.p;
