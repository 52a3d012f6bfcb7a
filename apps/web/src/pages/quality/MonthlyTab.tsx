import { useQuery } from '@tanstack/react-query';
import { DatePicker, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';

interface Monthly {
  agents: { agentId: number; reviews: number; score: number }[];
}

/** Each agent's QA score for a month: the mean of the month's final scores. */
export function MonthlyTab({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs());
  const staff = useStaffNames(true);
  const key = month.format('YYYY-MM');
  const data = useQuery({
    queryKey: ['qa-monthly', projectId, key],
    queryFn: () => api.get<Monthly>('/api/qa/monthly', { projectId, month: key }),
  });
  return (
    <>
      <DatePicker
        picker="month"
        allowClear={false}
        value={month}
        onChange={(v) => v && setMonth(v)}
        style={{ marginBottom: 12 }}
      />
      <Table
        rowKey="agentId"
        size="small"
        loading={data.isLoading}
        dataSource={data.data?.agents ?? []}
        pagination={false}
        data-testid="qa-monthly"
        columns={[
          {
            title: t('quality.agent'),
            dataIndex: 'agentId',
            render: (id: number) => staff.data?.get(id) ?? t('events.unknownStaff'),
          },
          { title: t('quality.reviews'), dataIndex: 'reviews', width: 120 },
          { title: t('quality.monthlyScore'), dataIndex: 'score', width: 120 },
        ]}
      />
    </>
  );
}
