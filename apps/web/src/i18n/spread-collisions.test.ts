import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en';
import { mergeStrings } from './merge';
import * as shellZh from './parts/shell';
import * as shellEn from './parts/shell.en';
import zhCN from './zh-CN';

/**
 * zh-CN.ts and en.ts spread many parts/*.ts objects into one literal. The spread is shallow: a part
 * (or the literal itself) defining a top-level key another part already defines silently replaces the
 * whole earlier object, and its keys go missing at runtime. This reads each file's spreads and its own
 * top-level keys from the source and asks that no top-level key has two owners.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
type Strings = Record<string, unknown>;
type Part = { zh: Strings; en: Strings };
const shell = { zh: shellZh.zh as Strings, en: shellEn.en as Strings };

/** The part modules by the name each file imports them under (`import kbPart from './parts/kb'`). */
async function partsOf(source: string): Promise<Map<string, Part>> {
  const parts = new Map<string, Part>();
  for (const m of source.matchAll(/^import (?:\* as )?(\w+) from '\.\/parts\/([\w.-]+)';$/gm)) {
    const mod = (await import(`./parts/${m[2]}.ts`)) as { default?: Part } & Part;
    parts.set(m[1] as string, mod.default ?? mod);
  }
  return parts;
}

/** Owners of each top-level key: the spread parts, then the literal's own keys (two-space indent). */
async function owners(file: string, lang: 'zh' | 'en'): Promise<Map<string, string[]>> {
  const source = readFileSync(path.join(here, file), 'utf8');
  const parts = await partsOf(source);
  const body = /^const \w+(?::[^=]+)? = \{\n([\s\S]*?)^\};$/m.exec(source)?.[1] ?? '';
  const byKey = new Map<string, string[]>();
  const own = (key: string, owner: string) => byKey.set(key, [...(byKey.get(key) ?? []), owner]);
  for (const m of body.matchAll(/^ {2}(?:\.\.\.(\w+)\.(?:zh|en),|'?([\w-]+)'?: )/gm)) {
    if (m[1]) {
      const part = parts.get(m[1]);
      expect(part, `${file} spreads ${m[1]}, which it does not import from ./parts`).toBeDefined();
      for (const key of Object.keys(part?.[lang] ?? {})) own(key, `parts/${m[1]}`);
    } else own(m[2] as string, file);
  }
  return byKey;
}

describe('the parts spread into the console’s strings', () => {
  it.each([
    ['zh-CN.ts', 'zh'],
    ['en.ts', 'en'],
  ] as const)('%s: no top-level key comes from two places', async (file, lang) => {
    const byKey = await owners(file, lang);
    expect(byKey.size).toBeGreaterThan(30);
    const twice = [...byKey]
      .filter(([, who]) => who.length > 1)
      .map(([key, who]) => `${key}: ${who.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it.each([
    ['zh-CN.ts', 'zh', zhCN],
    ['en.ts', 'en', en],
  ] as const)(
    '%s: every part file is spread in, and every part’s object arrives whole',
    async (file, lang, all) => {
      const source = readFileSync(path.join(here, file), 'utf8');
      const parts = await partsOf(source);
      // parts/x.ts holds the Chinese, parts/x.en.ts the English (so the English loads only when chosen).
      const files = readdirSync(path.join(here, 'parts')).filter(
        (f) => f.endsWith('.ts') && !f.includes('.test.') && f.endsWith('.en.ts') === (lang === 'en'),
      );
      expect(parts.size).toBe(files.length);
      for (const [name, part] of parts) {
        for (const [key, value] of Object.entries(part[lang])) {
          // Whole, or merged key by key with the shell's strings (parts/shell.ts, merge.ts).
          const arrived = (all as Strings)[key];
          if (name === 'shell')
            expect(arrived, `${name}.${lang}.${key} in ${file}`).toMatchObject(value as Strings);
          else if (arrived !== value)
            expect(arrived, `${name}.${lang}.${key} is replaced in ${file}`).toEqual(
              mergeStrings((shell[lang] as Strings)[key] as Strings, value as Strings),
            );
        }
      }
    },
  );
});
