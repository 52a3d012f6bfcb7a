import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import {
  formatHash,
  KEY_BYTES,
  PASSWORD_COST,
  parseHash,
  SALT_BYTES,
  type ScryptCost,
  scryptMemory,
} from './password-cost';

// scrypt from node:crypto: memory-hard like argon2id, and no native addon to build on install.

/**
 * A hash read from the database is computed only up to twice today's memory: a tampered or corrupt
 * row must not make one login allocate gigabytes.
 */
const MAX_MEMORY = 2 * scryptMemory(PASSWORD_COST);

function scrypt(password: string, salt: Buffer, cost: ScryptCost, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(
      password,
      salt,
      keylen,
      // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs; allow exactly this hash's need.
      { N: cost.n, r: cost.r, p: cost.p, maxmem: scryptMemory(cost) + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return formatHash(cost, salt, await scrypt(password, salt, cost, KEY_BYTES));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || scryptMemory(parsed.cost) > MAX_MEMORY) return false;
  if (parsed.key.length < 16 || parsed.key.length > 128) return false;
  const actual = await scrypt(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(actual, parsed.key);
}

/** Compared against when the username is unknown, at the current cost, so timing does not reveal which usernames exist. */
export const dummyHash = (cost: ScryptCost) =>
  formatHash(cost, Buffer.alloc(SALT_BYTES), Buffer.alloc(KEY_BYTES));
