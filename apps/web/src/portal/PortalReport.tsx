import { formatHumanDay, urgencyHint, wallClockInstant } from '@guanjia/shared';
import type { PortalReportForm } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Radio, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../enumLabel';
import { type PortalMe, type PortalTicket, portalApi } from './api';
import { usePortalError } from './errors';
import { PortalCategoryPicker } from './PortalCategoryPicker';
import { PortalPhotoPicker } from './PortalPhotos';

const REPORT_TYPES = ['报修', '投诉', '建议', '表扬'] as const;

interface Values {
  unitId: number;
  type: string;
  categoryId?: number | null;
  description: string;
  urgent?: boolean;
  day?: string;
  window?: string;
}

/**
 * 报事: the problem (the estate's common ones first), 紧急 (suggested, with the reason, when the words
 * or the problem call for it), a preferred visit window on the estate's clock, photos.
 */
export function ReportTab({ me, onDone }: { me: PortalMe; onDone: (ticketId: number) => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const onError = usePortalError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // Photos stay data-URL thumbnails until the uploads API lands (see PortalPhotos.tsx).
  const [photos, setPhotos] = useState<string[]>([]);
  const unitId = Form.useWatch('unitId', form) ?? me.units[0]?.id;
  const options = useQuery({
    queryKey: ['portal', 'report-form', unitId],
    queryFn: () => portalApi.get<PortalReportForm>('/api/portal/report-form', { unitId }),
    enabled: !!unitId,
  });
  const report = useMutation({
    mutationFn: ({ day, window, ...v }: Values) =>
      portalApi.post<PortalTicket>('/api/portal/tickets', {
        ...v,
        categoryId: v.categoryId ?? null,
        urgent: !!v.urgent,
        appointment: day && window ? { date: day, window } : null,
        attachments: photos.map((url, i) => ({ url, name: `photo-${i + 1}.jpg` })),
      }),
    onSuccess: (ticket) => {
      void message.success(t('portal.submitted', { number: ticket.number }));
      form.resetFields();
      setPhotos([]);
      void queryClient.invalidateQueries({ queryKey: ['portal'] });
      onDone(ticket.id);
    },
    onError: (e) => onError(e, { form }),
  });
  if (!me.units.length) return <Empty description={t('portal.noUnits')} />;
  return (
    <Card styles={{ body: { padding: 12 } }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ unitId: me.units[0]?.id, type: '报修', urgent: false }}
        onFinish={(v) => report.mutate(v)}
        data-testid="portal-report"
      >
        <Form.Item name="type" label={t('portal.reportType')}>
          <Select size="large" options={REPORT_TYPES.map((v) => ({ value: v, label: label(v) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('portal.reportUnit')}>
          <Select size="large" options={me.units.map((u) => ({ value: u.id, label: u.label }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('portalReport.category')}>
          <PortalCategoryPicker form={options.data} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('portal.reportDescription')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('portal.reportPlaceholder')}
            data-testid="portal-description"
          />
        </Form.Item>
        <UrgentField options={options.data} />
        <AppointmentFields options={options.data} />
        <Form.Item label={t('portal.photos')}>
          <PortalPhotoPicker value={photos} onChange={setPhotos} />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={report.isPending}
          data-testid="portal-report-submit"
        >
          {t('portal.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The 紧急 switch, and the suggestion with its reason while it is off. */
function UrgentField({ options }: { options: PortalReportForm | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const description = Form.useWatch('description', form) ?? '';
  const categoryId = Form.useWatch('categoryId', form);
  const urgent = Form.useWatch('urgent', form);
  const category = options?.items.find((i) => i.id === categoryId) ?? null;
  const hint = options ? urgencyHint(description, category, options.urgentKeywords) : null;
  return (
    <>
      <Form.Item
        name="urgent"
        label={t('portalReport.urgent')}
        valuePropName="checked"
        extra={t('portalReport.urgentHint')}
      >
        <Switch data-testid="portal-urgent" />
      </Form.Item>
      {hint && !urgent && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="portal-urgent-suggestion"
          title={
            hint.reason === 'keyword'
              ? t('portalReport.suggestKeyword', { keyword: hint.keyword })
              : t('portalReport.suggestCategory', { category: hint.category })
          }
          action={
            <Button
              size="small"
              danger
              onClick={() => form.setFieldValue('urgent', true)}
              data-testid="portal-mark-urgent"
            >
              {t('portalReport.markUrgent')}
            </Button>
          }
        />
      )}
    </>
  );
}

/** A day (today first) and a window; windows of today that are over cannot be picked. */
function AppointmentFields({ options }: { options: PortalReportForm | undefined }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const day = Form.useWatch('day', form);
  if (!options) return null;
  const { timezone, windows, days } = options.appointment;
  const now = Date.now();
  const dayLabel = (d: string, i: number) => {
    const date = formatHumanDay(d, { timeZone: timezone, locale: i18n.language });
    return i === 0
      ? `${t('portalReport.today')} ${date}`
      : i === 1
        ? `${t('portalReport.tomorrow')} ${date}`
        : date;
  };
  return (
    <Form.Item label={t('portalReport.appointment')} extra={t('portalReport.appointmentHint', { timezone })}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Form.Item name="day" noStyle>
          <Select
            size="large"
            allowClear
            placeholder={t('portalReport.anyTime')}
            options={days.map((d, i) => ({ value: d, label: dayLabel(d, i) }))}
            onChange={() => form.setFieldValue('window', undefined)}
            data-testid="portal-appointment-day"
          />
        </Form.Item>
        {day && (
          <Form.Item name="window" noStyle rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group
              style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
              data-testid="portal-appointment-window"
            >
              {windows.map((w) => {
                const over = wallClockInstant(day, w.to, timezone).getTime() <= now;
                return (
                  <Radio.Button
                    key={w.key}
                    value={w.key}
                    disabled={over}
                    data-testid={`portal-window-${w.key}`}
                    style={{ flex: '1 1 140px', textAlign: 'center', borderRadius: 6 }}
                  >
                    {t('portalReport.windowRange', { label: w.label, from: w.from, to: w.to })}
                    {over ? ` · ${t('portalReport.windowPast')}` : ''}
                  </Radio.Button>
                );
              })}
            </Radio.Group>
          </Form.Item>
        )}
      </Space>
    </Form.Item>
  );
}
