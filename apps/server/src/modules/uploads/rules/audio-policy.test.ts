import { describe, expect, it } from 'vitest';
import { audioMime } from './audio-policy';

const pad = (head: number[] | string) =>
  Buffer.concat([
    typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head),
    Buffer.alloc(16),
  ]);

describe('voice notes: the type is read from the bytes', () => {
  it.each([
    [pad([0x1a, 0x45, 0xdf, 0xa3]), 'audio/webm'],
    [pad('OggS'), 'audio/ogg'],
    [pad('RIFF\0\0\0\0WAVE'), 'audio/wav'],
    [pad('\0\0\0\x20ftypM4A '), 'audio/mp4'],
    [pad('#!AMR\n'), 'audio/amr'],
    [pad('ID3'), 'audio/mpeg'],
    [pad([0xff, 0xfb, 0x90]), 'audio/mpeg'],
    [pad([0x89, 0x50, 0x4e, 0x47]), null],
    [pad('<svg'), null],
    [Buffer.from('OggS'), null],
  ] as const)('%#: %s', (bytes, mime) => {
    expect(audioMime(bytes)).toBe(mime);
  });
});
