import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The CJK font the 派工单 is set in. Noto Sans SC (OFL) comes with the npm dependency
 * @expo-google-fonts/noto-sans-sc as a plain TrueType file, so a fresh `npm install` prints Chinese
 * without any system font; pdfkit embeds only the glyphs a page uses (a subset of a few KB). Debian's
 * Noto CJK is the fallback should the package be missing.
 */
const SYSTEM_FALLBACKS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

function packagedFont(weight: '400Regular' | '700Bold'): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    const file = path.join(pkg, weight, `NotoSansSC_${weight}.ttf`);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export interface CjkFont {
  regular: Buffer;
  bold: Buffer;
  /** For a .ttc collection, the face to use. */
  family?: string;
}

let cached: CjkFont | null = null;

/** Read once (≈ 10 MB each) and kept: every print after the first starts at once. */
export function cjkFont(): CjkFont {
  if (cached) return cached;
  const regular = packagedFont('400Regular');
  if (regular) {
    const bold = packagedFont('700Bold') ?? regular;
    cached = { regular: readFileSync(regular), bold: readFileSync(bold) };
    return cached;
  }
  const system = SYSTEM_FALLBACKS.find((f) => existsSync(f));
  if (!system) throw new Error('No CJK font: install the npm dependencies (npm install) or fonts-noto-cjk');
  const data = readFileSync(system);
  cached = {
    regular: data,
    bold: data,
    family: system.includes('Noto') ? 'NotoSansCJKsc-Regular' : undefined,
  };
  return cached;
}
