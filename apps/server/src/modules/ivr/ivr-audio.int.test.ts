import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let token: string;
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  token = (
    (
      await t.request('POST', '/api/telephony/config/token', {
        token: admin,
        body: { projectId: t.fixture.projectA },
      })
    ).json() as { token: string }
  ).token;
});
afterAll(async () => t?.close());

interface Reply {
  node: string;
  say?: string;
  audioUrl?: string;
  hangup?: boolean;
  transfer?: { queue: string };
}

const step = async (body: Record<string, unknown>) => {
  const res = await t.request('POST', `/api/ivr/${t.fixture.projectA}/step`, {
    headers: { 'x-guanjia-token': token },
    body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Reply;
};

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

// npm test sets GUANJIA_TEST_SKIP_TTS when espeak-ng is not installed (never in CI: it stops there instead).
describe.skipIf(process.env.GUANJIA_TEST_SKIP_TTS === '1')('IVR prompts as audio (espeak-ng)', () => {
  it('a step answers with a signed link to a real WAVE file of what it says', async () => {
    t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
    const first = await step({ callId: 'tts-1', from: '13812345678' });
    expect(first.say).toContain('欢迎致电');
    expect(first.audioUrl).toMatch(
      /^http:\/\/localhost(:\d+)?\/api\/ivr\/audio\/[0-9a-f]{64}\.wav\?exp=\d+&sig=[0-9a-f]{64}$/,
    );
    const audio = await t.request('GET', pathOf(first.audioUrl!));
    expect(audio.statusCode).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    const wav = audio.rawPayload;
    expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
    // Several seconds of speech, not an empty header: 16-bit mono at 22 kHz is 44 kB a second.
    expect(wav.length).toBeGreaterThan(100_000);

    // The same prompt in another call is the same cached file.
    const again = await step({ callId: 'tts-2', from: '13812345678' });
    expect(new URL(again.audioUrl!).pathname).toBe(new URL(first.audioUrl!).pathname);
  });

  it('refuses a link that is unsigned, tampered with or for another file', async () => {
    const { audioUrl } = await step({ callId: 'tts-3', from: '13812345678' });
    const u = new URL(audioUrl!);
    const sig = u.searchParams.get('sig')!;
    const exp = Number(u.searchParams.get('exp'));
    const bad = [
      u.pathname,
      `${u.pathname}?exp=${exp + 60}&sig=${sig}`,
      `${u.pathname}?exp=${exp}&sig=${'0'.repeat(64)}`,
      `/api/ivr/audio/${'b'.repeat(64)}.wav?exp=${exp}&sig=${sig}`,
    ];
    for (const url of bad) {
      const res = await t.request('GET', url);
      expect([400, 401], `${url} → ${res.statusCode}`).toContain(res.statusCode);
    }
    expect((await t.request('GET', '/api/ivr/audio/..%2Fsecret.wav?exp=1&sig=00')).statusCode).toBe(401);
  });

  it('the console simulator gets the same playable link', async () => {
    const res = await t.request('POST', `/api/ivr/flows/${t.fixture.projectA}/simulate`, {
      token: admin,
      body: { hours: 'closed' },
    });
    const { reply } = res.json() as { reply: Reply };
    expect(reply.say).toContain('非工作时间');
    const audio = await t.request('GET', pathOf(reply.audioUrl!));
    expect(audio.statusCode).toBe(200);
    expect(audio.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
  });
});

describe('IVR steps of one call', () => {
  it('run one after the other when the PBX sends them at once', async () => {
    t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
    const call = { callId: 'race-1', from: '13812345678' };
    await step(call);
    // The main menu allows two retries, then sends the caller to an agent: five wrong keys at once
    // must read as five keys in turn, not five first mistakes.
    const replies = await Promise.all(Array.from({ length: 5 }, () => step({ ...call, input: '8' })));
    const says = replies.map((r) => r.say ?? '').sort();
    expect(says.filter((s) => s.startsWith('输入有误'))).toHaveLength(2);
    expect(replies.filter((r) => r.transfer?.queue === '人工')).toHaveLength(1);
    // After the transfer the call is over: the rest only hang up.
    expect(replies.filter((r) => r.hangup && !r.say)).toHaveLength(2);

    const [session] = await t.services.database.query<{
      steps: number;
      done: boolean;
      lock_owner: string | null;
    }>('select steps, done, lock_owner from ivr_sessions where call_id = $1', ['race-1']);
    expect(session).toEqual({ steps: 6, done: true, lock_owner: null });
  });
});
