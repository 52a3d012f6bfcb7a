import type { UploadKind } from '@guanjia/shared/api';

/** The largest upload taken, before re-encoding (a phone camera's JPEG is 3–6 MB). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Stored images fit in this box: full screen on a phone or a console, a fraction of the camera's size. */
export const STORED_MAX_PX = 1600;
export const THUMBNAIL_MAX_PX = 320;

/**
 * Formats read from the content (sharp's own detection, never the file name or the client's type).
 * Raster photo formats only: SVG (scripts, external references) and PDF are refused.
 */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff'] as const;

export function isAcceptedFormat(format: string | undefined): boolean {
  return (ACCEPTED_FORMATS as readonly string[]).includes(format ?? '');
}

/** The size an image is stored at: within `max` on its longer side, never enlarged, aspect kept. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const longer = Math.max(width, height);
  if (longer <= max) return { width, height };
  const scale = max / longer;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** A photo is stored as JPEG; a signature as PNG, so its strokes stay sharp on the printed 派工单. */
export function storedMime(kind: UploadKind): 'image/jpeg' | 'image/png' {
  return kind === 'signature' ? 'image/png' : 'image/jpeg';
}
