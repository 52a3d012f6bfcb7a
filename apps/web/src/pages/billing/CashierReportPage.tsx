import { FilePdfOutlined } from '@ant-design/icons';
import { formatFen } from '@guanjia/shared';
import type { CashierReport } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { MethodChart } from './MethodChart';

/** 收银日结: one day of one cashier (or all), by method, with the receipts that make the totals. */
export default function CashierReportPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [day, setDay] = useState<Dayjs>(dayjs());
  const [cashierId, setCashierId] = useState<number | undefined>();
  const staff = useStaffNames();
  const query = { projectId: projectId ?? undefined, date: day.format('YYYY-MM-DD'), cashierId };
  const report = useQuery({
    queryKey: ['cashier-report', query],
    queryFn: () => api.get<CashierReport>('/api/cashier-reports', query),
    enabled: Boolean(projectId),
  });
  const r = report.data;
  const chart = useMemo(
    () => (r?.byMethod ?? []).map((m) => ({ name: t(`payments.method.${m.method}`), value: m.amount })),
    [r, t],
  );
  return (
    <>
      <PageHeader
        title={t('payments.nav.report')}
        extra={
          <Space>
            <ExportButton path="/api/cashier-reports" query={{ ...query, format: 'xlsx' }} />
            <Button
              icon={<FilePdfOutlined />}
              href={`/api/cashier-reports${queryString({ ...query, format: 'pdf' })}`}
              target="_blank"
            >
              {t('payments.report.pdf')}
            </Button>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('payments.report.allCashiers')}
          style={{ width: 200 }}
          value={cashierId}
          onChange={(v?: number) => setCashierId(v)}
          options={[...(staff.data ?? new Map<number, string>()).entries()].map(([id, name]) => ({
            value: id,
            label: name,
          }))}
        />
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('payments.report.receipts')} value={r?.receipts ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('payments.report.total')} value={formatFen(r?.total ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('payments.report.received')} value={formatFen(r?.received ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={`${t('payments.report.reversals')} / ${t('payments.report.refunds')}`}
              value={`${formatFen(r?.reversals.amount ?? 0)} / ${formatFen(r?.refunds.amount ?? 0)}`}
            />
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={t('payments.report.byMethod')}>
            {chart.length ? <MethodChart data={chart} /> : null}
            <Table
              rowKey="method"
              size="small"
              pagination={false}
              dataSource={r?.byMethod ?? []}
              columns={[
                { title: t('payments.methodLabel'), render: (_, m) => t(`payments.method.${m.method}`) },
                { title: t('payments.report.count'), dataIndex: 'count', align: 'right' },
                { title: t('payments.report.total'), align: 'right', render: (_, m) => formatFen(m.amount) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={t('payments.report.balanced')}>
            <Table
              rowKey="id"
              size="small"
              dataSource={r?.payments ?? []}
              pagination={{ pageSize: 15 }}
              columns={[
                { title: t('payments.receiptNo'), dataIndex: 'receiptNo' },
                { title: t('payments.unit'), dataIndex: 'unitLabel' },
                { title: t('payments.methodLabel'), render: (_, p) => t(`payments.method.${p.method}`) },
                { title: t('payments.amount'), align: 'right', render: (_, p) => formatFen(p.amount) },
                { title: t('payments.cashier'), render: (_, p) => p.cashierName ?? t('payments.system') },
                { title: t('payments.paidAt'), render: (_, p) => formatDateTime(p.paidAt) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
