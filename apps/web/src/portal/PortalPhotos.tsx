import { CameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoList } from '../components/Photos';
import { photoThumbnail } from '../pages/tech/thumbnail';

/** Photos of a report: taken with the phone camera, kept as small data-URL thumbnails (as the technician app does). */
export function PortalPhotoPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (!files.length) return;
    setBusy(true);
    const next = [...value];
    for (const file of files.slice(0, 9 - value.length)) {
      const thumb = await photoThumbnail(file);
      if (thumb) next.push(thumb);
    }
    setBusy(false);
    onChange(next);
  };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <PhotoList photos={value} size={72} />
      {value.length < 9 && (
        <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()}>
          {t('portal.addPhoto')}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        style={{ display: 'none' }}
        onChange={(e) => void add(e)}
        data-testid="portal-photos"
      />
    </div>
  );
}
