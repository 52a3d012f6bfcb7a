import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Row, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatRatio } from '../../format';

interface CareItem {
  date: string;
  kind: string;
  title: string;
  unitLabel: string | null;
  residentName: string | null;
}

/** 关怀日历: birthdays and anniversaries of the month, and the seasonal campaigns’ coverage. */
export function Care({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs());
  const query = { projectId, month: month.format('YYYY-MM') };
  const cal = useQuery({
    queryKey: ['care', query],
    queryFn: () => api.get<{ items: CareItem[] }>('/api/care/calendar', query),
  });
  const campaigns = useQuery({
    queryKey: ['care-campaigns', projectId],
    queryFn: () =>
      api.get<{
        items: {
          id: number;
          name: string;
          kind: string;
          dueOn: string;
          covered: number;
          households: number;
          coverage: number;
        }[];
      }>('/api/care-campaigns', { projectId }),
  });
  return (
    <>
      <DatePicker
        picker="month"
        value={month}
        onChange={(v) => v && setMonth(v)}
        allowClear={false}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={16}>
        <Col span={14}>
          <Table<CareItem>
            size="small"
            rowKey={(i) => `${i.date}-${i.kind}-${i.title}-${i.unitLabel}`}
            dataSource={cal.data?.items ?? []}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('visits.date'), dataIndex: 'date', width: 110 },
              {
                title: t('visits.kind'),
                dataIndex: 'kind',
                render: (k) => <Tag>{t(`visits.care.${k}`)}</Tag>,
              },
              { title: t('visits.unit'), dataIndex: 'unitLabel' },
              { title: '', dataIndex: 'title' },
            ]}
          />
        </Col>
        <Col span={10}>
          <Card size="small" title={t('visits.seasonal')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={campaigns.data?.items ?? []}
              columns={[
                { title: t('visits.campaign'), dataIndex: 'name' },
                { title: t('visits.dueOn'), dataIndex: 'dueOn' },
                {
                  title: t('visits.coverage'),
                  render: (_, c) => `${c.covered}/${c.households}（${formatRatio(c.coverage)}）`,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
