import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, serverNow } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useApiError } from '../../components/feedback';
import { CollectionUnitPicker } from './CollectionUnitPicker';

interface Values {
  unitId: number;
  agreedAt: Dayjs;
  contactName: string;
  contactPhone?: string;
  assigneeId?: number;
  note?: string;
}

/** 上门收费 (W-24): the time agreed with the resident, at least a day ahead (Q08; the server checks). */
export function DoorCollectionModal({
  open,
  projectId,
  unit,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId: number;
  unit?: { id: number; label: string };
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const onError = useApiError();
  const staff = useStaffNames();
  const [form] = Form.useForm<Values>();
  const earliest = dayjs(serverNow()).add(1, 'day');
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/door-collections', {
        unitId: unit?.id ?? v.unitId,
        agreedAt: v.agreedAt.toISOString(),
        contactName: v.contactName,
        contactPhone: v.contactPhone ?? '',
        assigneeId: v.assigneeId,
        note: v.note ?? '',
      }),
    onSuccess: () => {
      form.resetFields();
      onSaved();
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open={open}
      title={unit ? `${t('collection.door.add')} · ${unit.label}` : t('collection.door.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {!unit && (
          <Form.Item name="unitId" label={t('collection.door.unit')} rules={[{ required: true }]}>
            <CollectionUnitPicker projectId={projectId} />
          </Form.Item>
        )}
        <Form.Item
          name="agreedAt"
          label={t('collection.door.agreedAt')}
          extra={t('collection.door.leadHint')}
          rules={[{ required: true }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(earliest, 'day')}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('collection.door.contactName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('collection.door.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('collection.door.assignee')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={[...(staff.data?.entries() ?? [])].map(([id, name]) => ({ value: id, label: name }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('collection.door.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
