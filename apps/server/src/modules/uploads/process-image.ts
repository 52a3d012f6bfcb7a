import type { UploadKind } from '@guanjia/shared/api';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../platform/http/errors';
import { isAcceptedFormat, STORED_MAX_PX, storedMime, THUMBNAIL_MAX_PX } from './rules/image-policy';

export interface ProcessedImage {
  mime: string;
  width: number;
  height: number;
  content: Buffer;
  thumbnail: Buffer;
}

const notAnImage = (details?: unknown) =>
  new AppError(
    415,
    'unsupported_media_type',
    'The file is not a JPEG, PNG, WebP, GIF, HEIF or TIFF image',
    details,
  );

/**
 * Re-encode an upload: the type is what the bytes are (sharp reads the header), not what the name
 * says; EXIF rotation applied and metadata (GPS!) dropped; scaled into 1600 px; a 320 px thumbnail.
 * A decompression bomb is refused by sharp's pixel limit before it is decoded.
 */
export async function processImage(input: Buffer, kind: UploadKind): Promise<ProcessedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw notAnImage();
  }
  if (!isAcceptedFormat(meta.format)) throw notAnImage({ format: meta.format ?? null });
  const mime = storedMime(kind);
  try {
    // The first frame of an animated GIF or a multi-page TIFF; orientation from EXIF, then dropped.
    const base = () => sharp(input, { limitInputPixels: 80_000_000 }).rotate();
    const encode = (image: Sharp) =>
      mime === 'image/png'
        ? image.png({ compressionLevel: 9 })
        : image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
    const content = await encode(
      base().resize(STORED_MAX_PX, STORED_MAX_PX, { fit: 'inside', withoutEnlargement: true }),
    ).toBuffer({ resolveWithObject: true });
    const thumbnail = await encode(
      base().resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true }),
    ).toBuffer();
    return { mime, width: content.info.width, height: content.info.height, content: content.data, thumbnail };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAnImage({ reason: (error as Error).message.slice(0, 200) });
  }
}
