import { z } from 'zod';
import { fileResponse } from './common';

export const UPLOAD_KINDS = ['photo', 'signature', 'voice'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** POST /api/uploads: the stored image; work orders, tickets and portal reports reference `url`. */
export const uploadSchema = z.object({
  id: z.number(),
  kind: z.enum(UPLOAD_KINDS),
  url: z.string(),
  thumbnailUrl: z.string(),
  mime: z.string(),
  width: z.number(),
  height: z.number(),
  size: z.number(),
});
export type Upload = z.infer<typeof uploadSchema>;

/** An uploaded image, as stored (JPEG photos, PNG signatures). */
export const imageFile = {
  description: 'An image',
  content: {
    'image/jpeg': fileResponse('image/jpeg', 'JPEG').content['image/jpeg'],
    'image/png': fileResponse('image/png', 'PNG').content['image/png'],
  },
};

/** A printable document (the 派工单). */
export const pdfFile = fileResponse('application/pdf', 'A PDF document');

/** The URL a stored upload is read at, and its thumbnail. */
export const uploadUrl = (id: number) => `/api/uploads/${id}`;
export const uploadThumbnailUrl = (id: number) => `/api/uploads/${id}/thumb`;

/** The upload id inside a reference, or null when the string is something else (an old data URL, a link). */
export function uploadIdOf(ref: string): number | null {
  const m = /^\/api\/(?:portal\/)?uploads\/(\d{1,12})(?:\/thumb)?$/.exec(ref);
  return m ? Number(m[1]) : null;
}
