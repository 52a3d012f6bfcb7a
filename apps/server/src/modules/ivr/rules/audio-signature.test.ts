import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIO_FILE, signAudio, verifyAudio } from './audio-signature';

const key = Buffer.from('k'.repeat(32));
const hash = 'a'.repeat(64);

describe('signed audio URLs', () => {
  it.each([
    { name: 'fresh', exp: 2_000, sig: 'own', now: 1_000, ok: true },
    { name: 'at the second it expires', exp: 1_000, sig: 'own', now: 1_000, ok: true },
    { name: 'expired', exp: 999, sig: 'own', now: 1_000, ok: false },
    { name: 'expiry moved forward', exp: 3_000, sig: 'own', now: 1_000, ok: false },
    { name: 'empty signature', exp: 2_000, sig: '', now: 1_000, ok: false },
    { name: 'not hex', exp: 2_000, sig: 'zz', now: 1_000, ok: false },
  ])('$name → $ok', ({ name, exp, sig, now, ok }) => {
    const own = signAudio(key, hash, name === 'expiry moved forward' ? 2_000 : exp).sig;
    expect(verifyAudio(key, hash, exp, sig === 'own' ? own : sig, now)).toBe(ok);
  });

  it('names only 64-hex .wav files', () => {
    expect(AUDIO_FILE.test(`${hash}.wav`)).toBe(true);
    expect(AUDIO_FILE.test(`../${hash}.wav`)).toBe(false);
    expect(AUDIO_FILE.test(`${hash}.mp3`)).toBe(false);
  });

  it('a signature is valid for its own file and key only', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.uint8Array({ minLength: 16, maxLength: 32 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (a, b, otherKey, exp) => {
          const { sig } = signAudio(key, a, exp);
          expect(verifyAudio(key, a, exp, sig, exp - 1)).toBe(true);
          if (b !== a) expect(verifyAudio(key, b, exp, sig, exp - 1)).toBe(false);
          if (!Buffer.from(otherKey).equals(key))
            expect(verifyAudio(Buffer.from(otherKey), a, exp, sig, exp - 1)).toBe(false);
        },
      ),
    );
  });
});
