import { EMERGENCY_LEVELS, EMERGENCY_TYPES, type Emergency, type EmergencyInput } from '@guanjia/shared/api';
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuildings } from '../../api/hooks';
import { useApiError } from '../../components/feedback';
import { useEnumLabel } from '../../enumLabel';
import { PhotoPicker } from '../tech/PhotoPicker';
import { VoiceNote } from './VoiceNote';

interface Values {
  type: EmergencyInput['type'];
  level: EmergencyInput['level'];
  buildingId?: number;
  place: string;
  description?: string;
  drillStartsAt?: Dayjs;
}

/**
 * One screen to report an emergency: type, building, place, photo. Used on the phone (390×844) and
 * in the console; `drill` turns it into scheduling a drill (start at least three days ahead).
 */
export function ReportEmergencyForm({
  projectId,
  drill = false,
  onDone,
}: {
  projectId: number;
  drill?: boolean;
  onDone: (e: Emergency) => void;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const onError = useApiError();
  const buildings = useBuildings(projectId);
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<string[]>([]);
  const [voice, setVoice] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: (v: Values) =>
      api.post<Emergency>('/api/emergencies', {
        projectId,
        type: v.type,
        level: v.level,
        buildingId: v.buildingId ?? null,
        place: v.place,
        description: v.description ?? '',
        photoUploadIds: photos.map((u) => Number(u.split('/').pop())).filter((n) => n > 0),
        voiceUploadId: voice,
        drill,
        drillStartsAt: drill && v.drillStartsAt ? v.drillStartsAt.toISOString() : undefined,
      }),
    onSuccess: (e) => {
      form.resetFields();
      setPhotos([]);
      setVoice(null);
      onDone(e);
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ level: '一般' }} onFinish={(v) => send.mutate(v)}>
      <Form.Item name="type" label={t('emergencies.fields.type')} rules={[{ required: true }]}>
        <Select
          data-testid="em-type"
          showSearch
          options={EMERGENCY_TYPES.map((v) => ({ value: v, label: label(v) }))}
        />
      </Form.Item>
      <Form.Item name="level" label={t('emergencies.fields.level')}>
        <Select options={EMERGENCY_LEVELS.map((v) => ({ value: v, label: label(v) }))} />
      </Form.Item>
      <Form.Item name="buildingId" label={t('emergencies.fields.building')}>
        <Select
          allowClear
          data-testid="em-building"
          options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          onChange={(id) => {
            const b = buildings.data?.items.find((x) => x.id === id);
            if (b && !form.getFieldValue('place')) form.setFieldValue('place', b.name);
          }}
        />
      </Form.Item>
      <Form.Item name="place" label={t('emergencies.fields.place')} rules={[{ required: true }]}>
        <Input data-testid="em-place" maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('emergencies.fields.description')}>
        <Input.TextArea data-testid="em-description" rows={3} maxLength={2000} />
      </Form.Item>
      {drill ? (
        <Form.Item
          name="drillStartsAt"
          label={t('emergencies.fields.drillStartsAt')}
          rules={[{ required: true }]}
        >
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item label={t('emergencies.fields.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} testId="em-photos" projectId={projectId} max={9} />
        </Form.Item>
      )}
      {!drill && (
        <Form.Item label={t('emergencies.phone.voice')}>
          <VoiceNote projectId={projectId} value={voice} onChange={setVoice} />
        </Form.Item>
      )}
      <Button
        type="primary"
        danger={!drill}
        htmlType="submit"
        block
        size="large"
        loading={send.isPending}
        data-testid="em-submit"
      >
        {drill ? t('emergencies.drills.create') : t('emergencies.phone.submit')}
      </Button>
    </Form>
  );
}
