import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQrCode, parseQrCode, type QrKind } from './qr-code';

describe('QR label payloads', () => {
  it.each([
    ['GJ1:EQ:12:B3-PUMP-01', { kind: 'equipment', projectId: 12, code: 'B3-PUMP-01' }],
    ['GJ1:PT:7:P-07', { kind: 'patrolPoint', projectId: 7, code: 'P-07' }],
    ['  GJ1:BD:1:3  ', { kind: 'building', projectId: 1, code: '3' }],
    [
      'https://wy.example.com/m/scan?qr=GJ1%3AEQ%3A3%3AX%3A1',
      { kind: 'equipment', projectId: 3, code: 'X:1' },
    ],
    ['GJ1:XX:1:A', null],
    ['GJ2:EQ:1:A', null],
    ['GJ1:EQ:0:A', null],
    ['GJ1:EQ:1:', null],
    ['GJ1:EQ:abc:A', null],
    ['https://example.com/?qr=%E0%A4%A', null],
    ['随便一段文字', null],
  ])('%s', (scanned, expected) => {
    expect(parseQrCode(scanned)).toEqual(expected);
  });

  it('reads back what it formats', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QrKind>('equipment', 'patrolPoint', 'building'),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0),
        (kind, projectId, code) => {
          expect(parseQrCode(formatQrCode({ kind, projectId, code }))).toEqual({ kind, projectId, code });
        },
      ),
    );
  });
});
