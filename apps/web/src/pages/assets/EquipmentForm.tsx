import { EQUIPMENT_IMPORTANCE, EQUIPMENT_SYSTEMS } from '@guanjia/shared';
import type { Equipment } from '@guanjia/shared/api';
import { uploadIdOf, uploadUrl } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { PhotoPicker } from '../tech/PhotoPicker';
import { systemLabel } from './assetText';

interface Values {
  code: string;
  name: string;
  system: string;
  type?: string;
  location?: string;
  brand?: string;
  model?: string;
  supplier?: string;
  maintainer?: string;
  installDate?: dayjs.Dayjs | null;
  warrantyEnd?: dayjs.Dayjs | null;
  importance: string;
  notes?: string;
}

const day = (d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** New or edited ledger entry: the same fields as the Excel import. */
export function EquipmentForm({
  projectId,
  editing,
  open,
  onClose,
}: {
  projectId: number;
  editing: Equipment | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  // Nameplate, certificates and site photos (modules/uploads), kept as upload ids on the ledger row.
  const [photos, setPhotos] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const photoIds = photos.map(uploadIdOf).filter((x): x is number => x !== null);
      const body = { ...v, installDate: day(v.installDate), warrantyEnd: day(v.warrantyEnd), photoIds };
      return editing
        ? api.patch<Equipment>(`/api/equipment/${editing.id}`, { ...body, version: editing.version })
        : api.post<Equipment>('/api/equipment', { ...body, projectId });
    },
    onSuccess: () => {
      void message.success(t('assets.equipment.saved'));
      void queryClient.invalidateQueries({ queryKey: ['equipment'] });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  const field = (name: keyof Values, required = false) => ({
    name,
    label: t(`assets.fields.${name}`),
    rules: required ? [{ required: true }] : [],
  });
  return (
    <Modal
      open={open}
      title={editing ? t('assets.equipment.edit') : t('assets.equipment.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
      afterOpenChange={(visible) => {
        if (!visible) return;
        form.resetFields();
        setPhotos((editing?.photoIds ?? []).map(uploadUrl));
        if (editing)
          form.setFieldsValue({
            ...editing,
            installDate: editing.installDate ? dayjs(editing.installDate) : null,
            warrantyEnd: editing.warrantyEnd ? dayjs(editing.warrantyEnd) : null,
          });
      }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ importance: 'B', system: '给排水' }}
        onFinish={(v) => save.mutate(v)}
        data-testid="equipment-form"
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item {...field('code', true)}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item {...field('name', true)}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item {...field('system', true)}>
          <Select options={EQUIPMENT_SYSTEMS.map((s) => ({ value: s, label: systemLabel(t, s) }))} />
        </Form.Item>
        <Form.Item {...field('type')}>
          <Input maxLength={40} placeholder="水泵 / 直梯 / 道闸 …" />
        </Form.Item>
        <Form.Item {...field('location')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item {...field('importance', true)}>
          <Select options={EQUIPMENT_IMPORTANCE.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item {...field('brand')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item {...field('model')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item {...field('supplier')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item {...field('maintainer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item {...field('installDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item {...field('warrantyEnd')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item {...field('notes')} style={{ gridColumn: '1 / span 2' }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('assets.equipment.documents')} style={{ gridColumn: '1 / span 2' }}>
          <PhotoPicker
            testId="equipment-photos"
            projectId={projectId}
            max={20}
            value={photos}
            onChange={setPhotos}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
