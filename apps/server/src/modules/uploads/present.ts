import { uploadThumbnailUrl, uploadUrl } from '@guanjia/shared/api';
import type { UploadRow } from './schema';

export function presentUpload(row: UploadRow) {
  return {
    id: row.id,
    kind: row.kind,
    url: uploadUrl(row.id),
    thumbnailUrl: uploadThumbnailUrl(row.id),
    mime: row.mime,
    width: row.width,
    height: row.height,
    size: row.size,
  };
}
