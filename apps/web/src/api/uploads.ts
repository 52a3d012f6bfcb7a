import type { Upload, UploadKind } from '@guanjia/shared/api';
import { ApiError, request } from './client';

/** The server's limit (uploads/rules/image-policy.ts): refused here already, without sending 10 MB. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Send a photo or a signature to the server, which re-encodes it (≤ 1600 px) and makes a thumbnail.
 * Staff use /api/uploads; the resident portal its twin under /api/portal, where its cookie goes.
 */
export async function uploadImage(
  file: Blob,
  options: { kind?: UploadKind; projectId?: number | null; portal?: boolean; name?: string } = {},
): Promise<Upload> {
  if (file.size > UPLOAD_MAX_BYTES) throw new ApiError(413, 'payload_too_large', 'over 10 MB');
  const form = new FormData();
  form.append('file', file, options.name ?? (file instanceof File ? file.name : 'image.png'));
  return request<Upload>('POST', options.portal ? '/api/portal/uploads' : '/api/uploads', {
    body: form,
    query: { kind: options.kind ?? 'photo', projectId: options.projectId ?? undefined },
    quiet401: options.portal,
  });
}

/** The thumbnail of a stored upload reference; any other photo string is shown as it is. */
export function thumbnailOf(ref: string): string {
  return /^\/api\/(portal\/)?uploads\/\d+$/.test(ref) ? `${ref}/thumb` : ref;
}

/** Residents read uploads through the portal path (their cookie is scoped to /api/portal). */
export const portalUploadUrl = (ref: string) => ref.replace(/^\/api\/uploads\//, '/api/portal/uploads/');
