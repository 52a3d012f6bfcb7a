/**
 * How the soak's flows are set going: Poisson arrivals per stream at a multiple of the peak (open
 * loop: a slow server does not slow the arrivals down), or one flow at a time for the baseline.
 */
import type { Estate } from './soak-estate';
import { type FlowContext, noticeSend, phoneCall, portalVisit } from './soak-flows';
import type { Call, Kind, Recorder } from './soak-http';

/** A large center's peak, per second; soak.ts's header says where the numbers come from. */
export const PEAK = {
  calls: 30 / 120,
  portalVisits: 2 / 60,
  notices: 1 / 600,
};
/** Half the portal visits report a repair (the rest look at their tickets and notices). */
const PORTAL_REPORT_SHARE = 0.5;

/** Seeded, so two runs send the same mix (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (msValue: number) => new Promise<void>((resolve) => setTimeout(resolve, msValue));

export interface Traffic {
  /** Flows at `scale` × the peak for `seconds`, then until everything they set off has finished. */
  soak(scale: number, seconds: number): Promise<void>;
  /** Each kind of flow `rounds` times, one request at a time, nothing beside it. */
  baseline(rounds: number): Promise<void>;
}

export function traffic(call: Call, estate: Estate, recorder: Recorder, run: string, seed: number): Traffic {
  const random = seededRandom(seed);
  let counter = 0;
  // Portal users in a shuffled order, each signing in once per run: a phone may ask for five codes an hour.
  const residents = [...estate.callers];
  for (let i = residents.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [residents[i], residents[j]] = [residents[j]!, residents[i]!];
  }
  let portalTurn = 0;
  const nextResident = () => residents[portalTurn++ % residents.length]!;

  const context = (pending: Set<Promise<void>> | null): FlowContext => ({
    call,
    estate,
    run,
    random,
    next: () => counter++,
    pause: (minMs, maxMs) => (pending ? sleep(minMs + random() * (maxMs - minMs)) : Promise.resolve()),
    follow: (work) => {
      // Flows answer failures with null; a throw is a harness fault, counted rather than ending the run.
      const guarded = () =>
        work().catch((error: unknown) => recorder.error('reads', `flow failed: ${(error as Error).message}`));
      if (!pending) return guarded();
      const p = guarded().finally(() => pending.delete(p));
      pending.add(p);
      return Promise.resolve();
    },
    fail: (kind: Kind, message: string) => recorder.error(kind, message),
  });

  const flows = (ctx: FlowContext) => [
    { perPeakSecond: PEAK.calls, start: () => phoneCall(ctx) },
    {
      perPeakSecond: PEAK.portalVisits,
      start: () => portalVisit(ctx, nextResident(), random() < PORTAL_REPORT_SHARE),
    },
    { perPeakSecond: PEAK.notices, start: () => noticeSend(ctx) },
  ];

  return {
    async soak(scale, seconds) {
      const pending = new Set<Promise<void>>();
      const ctx = context(pending);
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        flows(ctx).map(async (stream) => {
          const rate = stream.perPeakSecond * scale;
          for (;;) {
            // Exponential gaps: arrivals of independent callers (a Poisson process).
            const gap = (-Math.log(1 - random()) / rate) * 1000;
            if (performance.now() + gap >= until) break;
            await sleep(gap);
            void ctx.follow(stream.start);
          }
        }),
      );
      while (pending.size) await Promise.all([...pending]);
    },
    async baseline(rounds) {
      const ctx = context(null);
      for (let i = 0; i < rounds; i++) {
        await phoneCall(ctx);
        await phoneCall(ctx);
        await portalVisit(ctx, nextResident(), true);
        if (i % 4 === 0) await noticeSend(ctx);
      }
    },
  };
}
