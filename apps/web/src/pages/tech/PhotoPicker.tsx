import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { UPLOAD_MAX_BYTES, uploadImage } from '../../api/uploads';
import { PhotoList } from '../../components/Photos';

/**
 * Photos for the job: the camera on a phone; each picture is uploaded at once (the server keeps it
 * at up to 1600 px with a thumbnail) and the list holds the upload references.
 */
export function PhotoPicker({
  value,
  onChange,
  testId,
  projectId,
  portal = false,
  max = 20,
  rewrite,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  testId: string;
  projectId?: number | null;
  /** A resident on the portal: uploads go to the portal's own route. */
  portal?: boolean;
  max?: number;
  rewrite?: (url: string) => string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (!files.length) return;
    setBusy(true);
    const next = [...value];
    for (const file of files.slice(0, max - value.length)) {
      if (file.size > UPLOAD_MAX_BYTES) {
        void message.error(t('jobCard.tooLarge'));
        continue;
      }
      try {
        next.push((await uploadImage(file, { projectId, portal })).url);
      } catch (error) {
        const text = error instanceof ApiError ? error.message : String(error);
        void message.error(t('jobCard.uploadFailed', { message: text }));
      }
    }
    setBusy(false);
    onChange(next);
  };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {value.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: photos are an ordered list that may repeat
        <div key={i} style={{ position: 'relative' }}>
          <PhotoList photos={[p]} size={72} rewrite={rewrite} />
          <Button
            size="small"
            shape="circle"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            style={{ position: 'absolute', top: -8, right: -8 }}
          />
        </div>
      ))}
      {value.length < max && (
        <Button
          onClick={() => input.current?.click()}
          loading={busy}
          style={{
            width: 72,
            height: 72,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
          }}
          icon={<CameraOutlined style={{ fontSize: 20 }} />}
        >
          <span style={{ fontSize: 12 }}>{portal ? t('portal.addPhoto') : t('tech.addPhoto')}</span>
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture={portal ? undefined : 'environment'}
        multiple
        style={{ display: 'none' }}
        onChange={(e) => void add(e)}
        data-testid={testId}
      />
    </div>
  );
}
