import type { ComplaintSummary } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useWarnings, WarningList } from './WarningsTab';

/**
 * The 主管's complaint figures (GET /api/complaints/summary) and the active 投诉预警, for a home page.
 * Each figure links to the ledger view it counts.
 */
export function ComplaintHomeCards({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: ['complaints', 'summary', projectId],
    queryFn: () => api.get<ComplaintSummary>('/api/complaints/summary', { projectId }),
    refetchInterval: 60_000,
  });
  const warnings = useWarnings(projectId);
  const s = summary.data;
  const figure = (key: string, value: number | undefined, to: string, danger = false) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Link to={to}>
        <Card size="small" hoverable loading={summary.isLoading} data-testid={`complaint-card-${key}`}>
          <Statistic
            title={t(`complaints.cards.${key}`)}
            value={value ?? 0}
            valueStyle={danger && value ? { color: '#cf1322' } : undefined}
          />
        </Card>
      </Link>
    </Col>
  );
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {figure('open', s?.open, '/complaints?tab=today')}
        {figure('overdue', s?.overdue, '/complaints?tab=today', true)}
        {figure('todayNew', s?.today.new, '/complaints?tab=today')}
        {figure('supervised', s?.supervised, '/complaints')}
        {figure('supervisedOverdue', s?.supervisedOverdue, '/complaints', true)}
        {figure('warnings', s?.warnings, '/complaints?tab=warnings', true)}
      </Row>
      {(warnings.data?.items.length ?? 0) > 0 && (
        <Card size="small" title={t('complaints.warnings.title')} style={{ marginBottom: 12 }}>
          <WarningList items={warnings.data?.items ?? []} />
        </Card>
      )}
    </>
  );
}
