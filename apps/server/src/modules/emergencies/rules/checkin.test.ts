import { formatQrCode } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { checkinProblem } from './checkin';

describe('on-site check-in by the building QR', () => {
  const place = { projectId: 7, buildingCode: '3' };
  it.each([
    [formatQrCode({ kind: 'building', projectId: 7, code: '3' }), place, null],
    [
      `https://gj.example/scan?qr=${encodeURIComponent(formatQrCode({ kind: 'building', projectId: 7, code: '3' }))}`,
      place,
      null,
    ],
    [formatQrCode({ kind: 'building', projectId: 7, code: '5' }), place, 'a label of another building'],
    [formatQrCode({ kind: 'building', projectId: 7, code: '5' }), { projectId: 7, buildingCode: null }, null],
    [formatQrCode({ kind: 'building', projectId: 8, code: '3' }), place, 'a label of another project'],
    [formatQrCode({ kind: 'equipment', projectId: 7, code: '3' }), place, 'not a building label'],
    ['hello', place, 'not a Guanjia label'],
  ] as const)('%s', (code, where, problem) => {
    expect(checkinProblem(code, where)).toBe(problem);
  });
});
