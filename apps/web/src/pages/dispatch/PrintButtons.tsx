import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Popover, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The printable 派工单 of one order (A5 by default, the paper a technician carries). */
export const printUrl = (workOrderId: number, size: 'A5' | 'A4' = 'A5') =>
  `/api/work-orders/${workOrderId}/print.pdf${size === 'A4' ? '?size=A4' : ''}`;

/** One PDF, one card per page: chosen orders, or every order of a project created in a shift. */
export const batchPrintUrl = (q: { ids?: number[]; projectId?: number; from?: Date; to?: Date }) => {
  const params = new URLSearchParams();
  if (q.ids?.length) params.set('ids', q.ids.join(','));
  if (q.projectId) params.set('projectId', String(q.projectId));
  if (q.from) params.set('from', q.from.toISOString());
  if (q.to) params.set('to', q.to.toISOString());
  return `/api/work-orders/print.pdf?${params.toString()}`;
};

export function PrintOrderButton({ workOrderId, testId }: { workOrderId: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<PrinterOutlined />}
      href={printUrl(workOrderId)}
      target="_blank"
      data-testid={testId}
    >
      {t('jobCard.print')}
    </Button>
  );
}

/** The dispatch board's batch print: the shift's orders (from its start, today 00:00 unless changed). */
export function PrintShiftButton({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('day'), dayjs().endOf('day')]);
  return (
    <Popover
      trigger="click"
      title={t('jobCard.printShift')}
      content={
        <Space orientation="vertical" style={{ maxWidth: 320 }}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="MM-DD HH:mm"
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('jobCard.printShiftHint', { from: range[0].format('MM-DD HH:mm') })}
          </Typography.Text>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            href={batchPrintUrl({ projectId, from: range[0].toDate(), to: range[1].toDate() })}
            target="_blank"
            data-testid="print-shift-go"
          >
            {t('jobCard.print')}
          </Button>
        </Space>
      }
    >
      <Button icon={<PrinterOutlined />} data-testid="print-shift">
        {t('jobCard.printShift')}
      </Button>
    </Popover>
  );
}
