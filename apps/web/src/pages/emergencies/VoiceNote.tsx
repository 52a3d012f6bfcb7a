import { AudioOutlined, DeleteOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadImage } from '../../api/uploads';
import { useApiError } from '../../components/feedback';

/**
 * A voice note for the report: the phone's microphone through MediaRecorder, uploaded as kind 'voice'
 * (stored as recorded). Hidden where the browser cannot record.
 */
export function VoiceNote({
  projectId,
  value,
  onChange,
}: {
  projectId: number;
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const onError = useApiError();
  const recorder = useRef<MediaRecorder | null>(null);
  const [recording, setRecording] = useState(false);
  const [busy, setBusy] = useState(false);
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null;

  const start = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const rec = new MediaRecorder(stream);
      rec.ondataavailable = (e) => chunks.push(e.data);
      rec.onstop = async () => {
        for (const track of stream.getTracks()) track.stop();
        setBusy(true);
        try {
          const blob = new Blob(chunks, { type: rec.mimeType });
          const up = await uploadImage(blob, { kind: 'voice', projectId, name: 'voice-note' });
          onChange(up.id);
        } catch (error) {
          onError(error);
        } finally {
          setBusy(false);
        }
      };
      recorder.current = rec;
      rec.start();
      setRecording(true);
    } catch (error) {
      onError(error);
    }
  };
  const stop = () => {
    recorder.current?.stop();
    setRecording(false);
  };

  if (value)
    return (
      <Space>
        {/* biome-ignore lint/a11y/useMediaCaption: a guard's spoken report has no caption track */}
        <audio controls src={`/api/uploads/${value}`} style={{ height: 32, maxWidth: 260 }} />
        <Button icon={<DeleteOutlined />} onClick={() => onChange(null)} />
      </Space>
    );
  return recording ? (
    <Button danger icon={<StopOutlined />} onClick={stop} data-testid="em-voice-stop">
      {t('emergencies.phone.stop')}
    </Button>
  ) : (
    <Button icon={<AudioOutlined />} loading={busy} onClick={() => void start()} data-testid="em-voice">
      {t('emergencies.phone.voice')}
    </Button>
  );
}
