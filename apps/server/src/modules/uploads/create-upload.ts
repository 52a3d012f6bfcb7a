import type { UploadKind } from '@guanjia/shared/api';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import { type ProcessedImage, processImage } from './process-image';
import { audioMime } from './rules/audio-policy';
import { type UploadRow, uploads } from './schema';

export interface CreateUploadProps {
  ctx: Pick<Services, 'database' | 'clock'>;
  actor: Actor;
  file: Buffer;
  kind: UploadKind;
  projectId: number | null;
  /** Staff uploads name their author; a resident's names the portal phone. */
  uploadedById: number | null;
  portalPhone: string | null;
}

/** Re-encode the image (outside the transaction: it is CPU work), then store it with its event. */
export async function createUpload(props: CreateUploadProps): Promise<UploadRow> {
  const { ctx, actor } = props;
  const image = props.kind === 'voice' ? voiceNote(props.file) : await processImage(props.file, props.kind);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(uploads)
      .values({
        companyId: actor.companyId,
        projectId: props.projectId,
        kind: props.kind,
        mime: image.mime,
        width: image.width,
        height: image.height,
        size: image.content.length,
        content: image.content,
        thumbnail: image.thumbnail,
        uploadedById: props.uploadedById,
        portalPhone: props.portalPhone,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('upload insert returned nothing');
    await recordEvent(tx, actor, now, {
      action: 'upload.created',
      entityType: 'upload',
      entityId: row.id,
      projectId: row.projectId,
      after: {
        kind: row.kind,
        width: row.width,
        height: row.height,
        size: row.size,
        received: props.file.length,
      },
    });
    return row;
  });
}

/** A voice note is kept as recorded (no re-encoding, no thumbnail); only real audio is taken. */
function voiceNote(file: Buffer): ProcessedImage {
  const mime = audioMime(file);
  if (!mime) throw new AppError(415, 'unsupported_media_type', 'The file is not a voice recording');
  return { mime, width: 0, height: 0, content: file, thumbnail: Buffer.alloc(0) };
}
