import type { FeeItem, MeterReading, Page, ReadingImportResult, Unit } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../api/client';
import { uploadImage } from '../../api/uploads';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';

interface EntryValues {
  feeItemId: number;
  unit?: string;
  period: dayjs.Dayjs;
  value: number;
  meterChange?: boolean;
}

/**
 * 抄表: a one-column entry form that fits a meter reader's phone (390 px), with an optional photo,
 * the Excel import with row-level errors, and the readings of a period.
 */
export default function ReadingsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EntryValues>();
  const [search, setSearch] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [imported, setImported] = useState<ReadingImportResult | null>(null);
  const feeItemId = Form.useWatch('feeItemId', form);
  const period = Form.useWatch('period', form);
  const items = useQuery({
    queryKey: ['fee-items', projectId],
    queryFn: () =>
      api.get<Page<FeeItem>>('/api/fee-items', { projectId: projectId ?? undefined, pageSize: 200 }),
    enabled: Boolean(projectId),
    select: (d) => d.items.filter((i) => ['meter', 'tiered', 'apportion'].includes(i.formula)),
  });
  const item = items.data?.find((i) => i.id === feeItemId);
  const units = useQuery({
    queryKey: ['units', projectId, search],
    queryFn: () =>
      api.get<Page<Unit>>('/api/units', { projectId: projectId ?? undefined, q: search, pageSize: 20 }),
    enabled: Boolean(projectId) && search.length > 0,
  });
  const readings = useQuery({
    queryKey: ['meter-readings', projectId, feeItemId, period?.format('YYYY-MM')],
    queryFn: () =>
      api.get<Page<MeterReading>>('/api/meter-readings', {
        projectId: projectId ?? undefined,
        feeItemId,
        period: period?.format('YYYY-MM'),
        pageSize: 50,
      }),
    enabled: Boolean(projectId),
  });
  const save = useMutation({
    mutationFn: async (v: EntryValues) => {
      const unit = units.data?.items.find((u) => u.label === v.unit);
      const upload = photo ? await uploadImage(photo, { projectId }) : null;
      return api.post<MeterReading>('/api/meter-readings', {
        feeItemId: v.feeItemId,
        unitId: item?.formula === 'apportion' ? null : (unit?.id ?? -1),
        period: v.period.format('YYYY-MM'),
        value: v.value,
        meterChange: v.meterChange ?? false,
        photoUploadId: upload?.id ?? null,
        source: window.innerWidth < 600 ? 'phone' : 'console',
      });
    },
    onSuccess: () => {
      void message.success(t('billing.readings.saved'));
      form.setFieldsValue({ unit: '', value: undefined, meterChange: false });
      setPhoto(null);
      void queryClient.invalidateQueries({ queryKey: ['meter-readings'] });
    },
    onError: (e) => onError(e, { form }),
  });
  const importFile = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return request<ReadingImportResult>('POST', '/api/meter-readings/import', {
        body,
        query: { projectId: projectId ?? undefined },
      });
    },
    onSuccess: (r) => {
      setImported(r);
      void queryClient.invalidateQueries({ queryKey: ['meter-readings'] });
    },
    onError: (e) => onError(e),
  });
  if (!projectId) return <Empty description={t('billing.noProject')} />;
  return (
    <div>
      <PageHeader
        title={t('billing.readings.title')}
        subTitle={t('billing.readings.subtitle')}
        extra={
          <Space wrap>
            <Button href="/api/meter-readings/template.xlsx">{t('billing.readings.template')}</Button>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(f) => {
                importFile.mutate(f);
                return false;
              }}
            >
              <Button loading={importFile.isPending}>{t('billing.readings.import')}</Button>
            </Upload>
          </Space>
        }
      />
      {imported && (
        <Alert
          style={{ marginBottom: 12 }}
          type={imported.errors.length ? 'warning' : 'success'}
          closable
          onClose={() => setImported(null)}
          message={t('billing.readings.imported', imported)}
          description={imported.errors
            .slice(0, 20)
            .map((e) => <div key={e.row}>{t('billing.readings.rowError', e)}</div>)}
        />
      )}
      <Card style={{ maxWidth: 420, marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          initialValues={{ period: dayjs().startOf('month') }}
        >
          <Form.Item name="feeItemId" label={t('billing.readings.feeItem')} rules={[{ required: true }]}>
            <Select
              options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
              data-testid="reading-item"
            />
          </Form.Item>
          {item?.formula !== 'apportion' ? (
            <Form.Item name="unit" label={t('billing.readings.unit')} rules={[{ required: true }]}>
              <AutoComplete
                placeholder={t('billing.readings.unitPlaceholder')}
                onSearch={setSearch}
                options={(units.data?.items ?? []).map((u) => ({ value: u.label }))}
                data-testid="reading-unit"
              />
            </Form.Item>
          ) : (
            <Alert
              type="info"
              showIcon
              message={t('billing.readings.sharedMeter')}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form.Item name="period" label={t('billing.readings.period')}>
            <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="value" label={t('billing.readings.value')} rules={[{ required: true }]}>
            <InputNumber
              min={0}
              precision={2}
              style={{ width: '100%' }}
              inputMode="decimal"
              data-testid="reading-value"
            />
          </Form.Item>
          <Form.Item name="meterChange" valuePropName="checked">
            <Checkbox>{t('billing.readings.meterChange')}</Checkbox>
          </Form.Item>
          <Form.Item label={t('billing.readings.photo')}>
            <input
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={save.isPending}
            data-testid="reading-submit"
          >
            {t('billing.readings.submit')}
          </Button>
        </Form>
      </Card>
      <Card>
        <Table<MeterReading>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          loading={readings.isLoading}
          dataSource={readings.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: t('billing.readings.unit'),
              dataIndex: 'unitLabel',
              render: (v: string | null) => v ?? t('billing.readings.sharedMeter'),
            },
            { title: t('billing.readings.feeItem'), dataIndex: 'feeItemName' },
            { title: t('billing.readings.period'), dataIndex: 'period' },
            {
              title: t('billing.readings.previous'),
              dataIndex: 'previousValue',
              render: (v: number | null) => v ?? '—',
            },
            { title: t('billing.readings.value'), dataIndex: 'value' },
            {
              title: t('billing.readings.consumption'),
              dataIndex: 'consumption',
              render: (v: number, r) => (r.meterChange ? `${v}（${t('billing.readings.meterChange')}）` : v),
            },
            {
              title: t('billing.readings.source'),
              dataIndex: 'source',
              render: (s: MeterReading['source']) => t(`billing.sources.${s}`),
            },
            { title: t('billing.readings.reader'), dataIndex: 'readByName' },
            {
              title: t('billing.readings.readAt'),
              dataIndex: 'readAt',
              render: (v: string) => formatDateTime(v).slice(0, 16),
            },
          ]}
        />
      </Card>
    </div>
  );
}
