import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import type { UnitStatus, UnitType } from '@guanjia/shared';
import { formatPhone } from '@guanjia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page, Resident, Unit } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { FieldRow } from '../../components/FieldRow';
import { useApiError } from '../../components/feedback';
import { blankToNull, fromDay, NO_DASH, NO_DASH_OPTIONAL, toDay } from '../../components/forms';
import { VipBadge } from '../../components/ResidentBadges';
import { SimpleList } from '../../components/SimpleList';
import { formatArea, formatDate } from '../../format';
import { UNIT_STATUS_COLOR, useVocab } from '../../vocab';

interface UnitForm {
  entrance?: string | null;
  floor?: number | null;
  room: string;
  type: UnitType;
  status: UnitStatus;
  areaM2?: number | null;
  handoverDate?: Dayjs | null;
  warrantyUntil?: Dayjs | null;
}

export function UnitDrawer({ unitId, onClose }: { unitId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitForm>();
  const [editing, setEditing] = useState(false);

  const unit = useQuery({
    queryKey: ['unit', unitId],
    queryFn: () => api.get<Unit>(`/api/units/${unitId}`),
    enabled: unitId !== null,
  });
  const occupants = useQuery({
    queryKey: ['residents', 'byUnit', unitId],
    queryFn: () => api.get<Page<Resident>>('/api/residents', { unitId, page: 1, pageSize: 50 }),
    enabled: unitId !== null && can('residents.read'),
  });

  const data = unit.data;
  const reset = (u: Unit) =>
    form.setFieldsValue({
      entrance: u.entrance,
      floor: u.floor,
      room: u.room,
      type: u.type,
      status: u.status,
      areaM2: u.areaM2,
      handoverDate: toDay(u.handoverDate),
      warrantyUntil: toDay(u.warrantyUntil),
    });

  useEffect(() => {
    if (unitId === null) setEditing(false);
  }, [unitId]);

  const save = useMutation({
    mutationFn: (values: UnitForm) =>
      api.patch<Unit>(`/api/units/${unitId}`, {
        ...blankToNull({ entrance: values.entrance, floor: values.floor, areaM2: values.areaM2 }),
        room: values.room,
        type: values.type,
        status: values.status,
        handoverDate: fromDay(values.handoverDate),
        warrantyUntil: fromDay(values.warrantyUntil),
        version: data?.version,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['unit', unitId], updated);
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['estate', 'tree'] });
      void message.success(t('common.saved'));
      setEditing(false);
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void unit.refetch().then((r) => r.data && reset(r.data));
        },
      }),
  });

  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={
        <Space>
          {t('estate.unit.detailTitle')}
          {data && <Typography.Text strong>{data.label}</Typography.Text>}
        </Space>
      }
      extra={
        can('estate.write') && data && !editing ? (
          <Button
            icon={<EditOutlined />}
            onClick={() => {
              reset(data);
              setEditing(true);
            }}
            data-testid="unit-edit"
          >
            {t('common.edit')}
          </Button>
        ) : null
      }
      loading={unit.isLoading}
    >
      {data && !editing && (
        <Descriptions
          column={2}
          size="small"
          bordered
          items={[
            { key: 'label', label: t('estate.unit.label'), children: data.label, span: 2 },
            { key: 'entrance', label: t('estate.unit.entrance'), children: data.entrance || '—' },
            { key: 'floor', label: t('estate.unit.floor'), children: data.floor ?? '—' },
            { key: 'room', label: t('estate.unit.room'), children: data.room },
            { key: 'area', label: t('estate.unit.area'), children: formatArea(data.areaM2) },
            { key: 'type', label: t('estate.unit.type'), children: <Tag>{vocab.unitType(data.type)}</Tag> },
            {
              key: 'status',
              label: t('estate.unit.status'),
              children: <Tag color={UNIT_STATUS_COLOR[data.status]}>{vocab.unitStatus(data.status)}</Tag>,
            },
            {
              key: 'handover',
              label: t('estate.unit.handoverDate'),
              children: formatDate(data.handoverDate),
            },
            {
              key: 'warranty',
              label: t('estate.unit.warrantyUntil'),
              children: formatDate(data.warrantyUntil),
            },
          ]}
        />
      )}
      {data && editing && (
        <Form<UnitForm>
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          data-testid="unit-form"
        >
          <FieldRow>
            <Form.Item
              name="entrance"
              label={t('estate.unit.entrance')}
              rules={[{ pattern: NO_DASH_OPTIONAL, message: t('validation.noDash') }, { max: 10 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="floor" label={t('estate.unit.floor')}>
              <InputNumber min={-10} max={200} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="room"
              label={t('estate.unit.room')}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: NO_DASH, message: t('validation.noDash') },
              ]}
            >
              <Input />
            </Form.Item>
          </FieldRow>
          <FieldRow>
            <Form.Item name="type" label={t('estate.unit.type')} rules={[{ required: true }]}>
              <Select options={vocab.unitTypeOptions} />
            </Form.Item>
            <Form.Item name="status" label={t('estate.unit.status')} rules={[{ required: true }]}>
              <Select options={vocab.unitStatusOptions} />
            </Form.Item>
            <Form.Item name="areaM2" label={t('estate.unit.areaM2')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </FieldRow>
          <FieldRow>
            <Form.Item name="handoverDate" label={t('estate.unit.handoverDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="warrantyUntil" label={t('estate.unit.warrantyUntil')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </FieldRow>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="unit-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
      {data && can('residents.read') && (
        <>
          <Divider titlePlacement="start">{t('estate.unit.residents')}</Divider>
          <SimpleList<Resident>
            testId="unit-residents"
            loading={occupants.isLoading}
            items={occupants.data?.items ?? []}
            rowKey={(r) => r.id}
            empty={t('estate.unit.noResidents')}
            render={(r) => {
              const link = r.units.find((u) => u.unitId === data.id);
              return (
                <>
                  <Space>
                    <Link to={`/residents/${r.id}`}>{r.name}</Link>
                    {link && <Tag>{vocab.relation(link.relation)}</Tag>}
                    <VipBadge vip={r.vip} />
                  </Space>
                  <Typography.Text type="secondary">{formatPhone(r.phones[0]?.number)}</Typography.Text>
                </>
              );
            }}
          />
          {can('residents.write') && (
            <Link to={`/residents/new?unitId=${data.id}`}>
              <Button icon={<UserAddOutlined />} style={{ marginTop: 8 }}>
                {t('estate.unit.addResident')}
              </Button>
            </Link>
          )}
        </>
      )}
    </Drawer>
  );
}
