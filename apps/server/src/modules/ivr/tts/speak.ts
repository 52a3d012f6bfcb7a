import type { Services } from '../../../platform/http/app-types';
import { signAudio } from '../rules/audio-signature';
import type { IvrFlow } from '../rules/flow';
import type { IvrReply } from '../rules/interpret';
import { createTts, type Tts } from './engine';

export type { Tts } from './engine';

/** A PBX fetches a prompt right after the step; an hour covers a retried or long call. */
const URL_TTL_SECONDS = 3_600;

const engines = new WeakMap<Services['config'], Tts>();

/** One engine (and one render cache) per server. */
export function ttsOf(services: Pick<Services, 'config'>): Tts {
  let tts = engines.get(services.config);
  if (!tts) {
    tts = createTts(services.config);
    engines.set(services.config, tts);
  }
  return tts;
}

/** The step's prompt as audio: rendered (or taken from the cache) and linked by a signed URL. */
export async function withAudio(
  tts: Tts,
  origin: string,
  flow: IvrFlow,
  reply: IvrReply,
  nowSeconds: number,
): Promise<IvrReply & { audioUrl?: string }> {
  if (!reply.say || tts.engine === 'none') return reply;
  const hash = await tts.render(flow.language ?? 'zh-CN', reply.say);
  if (!hash) return reply;
  const { exp, sig } = signAudio(await tts.urlKey(), hash, nowSeconds + URL_TTL_SECONDS);
  return { ...reply, audioUrl: `${origin}/api/ivr/audio/${hash}.wav?exp=${exp}&sig=${sig}` };
}
