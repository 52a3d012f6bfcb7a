import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoList } from '../../components/Photos';
import { photoThumbnail } from './thumbnail';

/** Photos for the job: the camera on a phone, thumbnails the server can store (see thumbnail.ts). */
export function PhotoPicker({
  value,
  onChange,
  testId,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (!files.length) return;
    setBusy(true);
    const next = [...value];
    for (const file of files.slice(0, 20 - value.length))
      next.push((await photoThumbnail(file)) ?? file.name.slice(0, 200));
    setBusy(false);
    onChange(next);
  };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {value.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: photos are an ordered list that may repeat
        <div key={i} style={{ position: 'relative' }}>
          <PhotoList photos={[p]} size={72} />
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
        <span style={{ fontSize: 12 }}>{t('tech.addPhoto')}</span>
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        onChange={(e) => void add(e)}
        data-testid={testId}
      />
    </div>
  );
}
