import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logoText, textLogoDataUrl, textLogoSvg } from './text-logo';

describe('text logo', () => {
  it.each([
    ['安居物业服务有限公司', '安居'],
    ['绿城物业', '绿城'],
    ['万科物业服务股份有限公司', '万科'],
    ['Sunny Homes Ltd', 'SH'],
    ['物业', '物业'],
    ['  ', '?'],
  ])('%s → %s', (name, text) => {
    expect(logoText(name)).toBe(text);
  });

  it('is well-formed SVG whatever the name', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const svg = textLogoSvg(name);
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg.endsWith('</svg>')).toBe(true);
        expect(svg.match(/<text/g)).toHaveLength(1);
        expect(decodeURIComponent(textLogoDataUrl(name).split(',')[1] ?? '')).toBe(svg);
      }),
    );
  });
});
