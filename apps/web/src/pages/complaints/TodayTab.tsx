import type { ComplaintLedgerItem, ComplaintToday } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { TicketStatusTag } from '../../components/ServiceTags';
import { GradeTag, useAge } from './labels';

/** 今日投诉盘点 (Q52): new today, still open, overdue — each with the person who owns it. */
export function TodayTab({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const today = useQuery({
    queryKey: ['complaints', 'today', projectId],
    queryFn: () => api.get<ComplaintToday>('/api/complaints/today', { projectId }),
    refetchInterval: 60_000,
  });
  const d = today.data;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('complaints.today.title', { day: d?.day ?? '' })}
      </Typography.Title>
      <Row gutter={16}>
        {(['new', 'open', 'overdue'] as const).map((k) => (
          <Col xs={24} lg={8} key={k}>
            <Card
              size="small"
              title={`${t(`complaints.today.${k}`)} · ${d?.[k].length ?? 0}`}
              loading={today.isLoading}
              data-testid={`today-${k}`}
            >
              <TodayList items={d?.[k] ?? []} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

function TodayList({ items }: { items: ComplaintLedgerItem[] }) {
  const { t } = useTranslation();
  const age = useAge();
  if (!items.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.today.empty')} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(r) => (
        <List.Item>
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Space size={4} wrap>
              <Link to={`/tickets/${r.id}`}>{r.number}</Link>
              <TicketStatusTag status={r.status} />
              <GradeTag grade={r.grade} />
            </Space>
            <Typography.Text ellipsis>{r.title}</Typography.Text>
            <Typography.Text type={r.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {t('complaints.fields.owner')}：{r.ownerName ?? '—'} · {t('complaints.fields.department')}：
              {r.departmentName ?? '—'} · {age(r.ageHours)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
