import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Config } from '../../../platform/http/app-types';

const run = promisify(execFile);

export type TtsEngine = 'none' | 'espeak-ng';
export type TtsLanguage = 'zh-CN' | 'en';

/** espeak-ng's Mandarin voice reads Chinese characters; Latin letters in it are spelt in English. */
const VOICES: Record<TtsLanguage, string> = { 'zh-CN': 'cmn', en: 'en' };

export interface Tts {
  engine: TtsEngine;
  dir: string;
  /** The rendered prompt's hash (its file is `<dir>/<hash>.wav`), or null without an engine. */
  render(language: TtsLanguage, text: string): Promise<string | null>;
  /** The key that signs the prompts' URLs, the same for every node sharing the directory. */
  urlKey(): Promise<Buffer>;
}

const onPath = (command: string) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));

/**
 * GUANJIA_TTS=none|espeak-ng picks the engine; unset, espeak-ng is used when it is installed. The
 * audio is cached under the data dir (a temp dir for the in-memory engine of the tests).
 */
export function createTts(config: Pick<Config, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Tts {
  const wanted = env.GUANJIA_TTS;
  const engine: TtsEngine =
    wanted === 'none' ? 'none' : wanted === 'espeak-ng' || onPath('espeak-ng') ? 'espeak-ng' : 'none';
  const base = config.dataDir.startsWith('memory://') ? path.join(tmpdir(), 'guanjia') : config.dataDir;
  const dir = path.join(base, 'tts');
  let key: Promise<Buffer> | undefined;
  const rendering = new Map<string, Promise<string>>();

  return {
    engine,
    dir,
    async render(language, text) {
      if (engine === 'none') return null;
      const voice = VOICES[language];
      const hash = createHash('sha256').update(`${voice}\n${text}`).digest('hex');
      const file = path.join(dir, `${hash}.wav`);
      if (await isFile(file)) return hash;
      // One render per prompt however many calls hear it at once.
      let pending = rendering.get(hash);
      if (!pending) {
        pending = espeak(voice, text, file).then(() => hash);
        rendering.set(hash, pending);
        void pending.finally(() => rendering.delete(hash)).catch(() => undefined);
      }
      return pending;
    },
    urlKey() {
      key ??= env.GUANJIA_MEDIA_SECRET
        ? Promise.resolve(Buffer.from(env.GUANJIA_MEDIA_SECRET))
        : sharedKey(path.join(dir, '.url-key'));
      return key;
    },
  };
}

async function espeak(voice: string, text: string, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees half a file, a racing node renders the same bytes.
  const partial = `${file}.${randomBytes(6).toString('hex')}.part`;
  await run('espeak-ng', ['-v', voice, '-w', partial, '--', text], { timeout: 20_000 });
  await rename(partial, file);
}

const isFile = (file: string) =>
  stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );

/** Created once by whichever node gets there first; every other node reads that one. */
async function sharedKey(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true });
  const mine = `${file}.${randomBytes(6).toString('hex')}`;
  await writeFile(mine, randomBytes(32).toString('hex'), { mode: 0o600 });
  // link() fails when the name exists, so exactly one complete key ever gets it.
  await link(mine, file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await unlink(mine);
  return Buffer.from(await readFile(file, 'utf8'), 'hex');
}
