import { createHmac, timingSafeEqual } from 'node:crypto';

/** A rendered prompt is named by the SHA-256 of what it says and in which voice. */
export const AUDIO_FILE = /^([0-9a-f]{64})\.wav$/;

const mac = (key: Buffer, hash: string, expires: number) =>
  createHmac('sha256', key).update(`${hash}.${expires}`).digest('hex');

/** The query that lets a PBX, which has no session, fetch one prompt until `expires` (unix seconds). */
export function signAudio(key: Buffer, hash: string, expires: number): { exp: number; sig: string } {
  return { exp: expires, sig: mac(key, hash, expires) };
}

/** Valid for exactly that file, unexpired, and compared in constant time. */
export function verifyAudio(
  key: Buffer,
  hash: string,
  exp: number,
  sig: string,
  nowSeconds: number,
): boolean {
  if (!Number.isInteger(exp) || exp < nowSeconds) return false;
  const expected = Buffer.from(mac(key, hash, exp), 'hex');
  const given = Buffer.from(sig, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
