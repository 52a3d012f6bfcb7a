/**
 * A voice note (issue 17: the guard's report) is stored as recorded: the type is read from the bytes'
 * signature, never from the name or the client's word, and only audio containers phones and browsers
 * record are taken (WebM/Opus from Chrome, MP4/AAC from Safari and iOS, Ogg, WAV, MP3, AMR).
 */
export function audioMime(bytes: Buffer): string | null {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes.length < 12) return null;
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'audio/webm';
  if (ascii(0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(4, 8) === 'ftyp') return 'audio/mp4';
  if (ascii(0, 5) === '#!AMR') return 'audio/amr';
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  return null;
}
