import type { ComplaintWarning } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatDateTime } from '../../format';

export function useWarnings(projectId: number, all = false) {
  return useQuery({
    queryKey: ['complaints', 'warnings', projectId, all],
    queryFn: () => api.get<{ items: ComplaintWarning[] }>('/api/complaints/warnings', { projectId, all }),
    refetchInterval: 60_000,
  });
}

/** The 投诉预警 raised by the rules, newest first. */
export function WarningList({ items }: { items: ComplaintWarning[] }) {
  const { t } = useTranslation();
  if (!items.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.warnings.empty')} />;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="complaint-warnings"
      renderItem={(w) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <Space size={4}>
              <Tag color={w.active ? 'red' : 'default'}>{t(`complaints.warnings.rules.${w.rule}`)}</Tag>
              <Typography.Text strong={w.active}>{w.message}</Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('complaints.warnings.raisedAt')}：{formatDateTime(w.createdAt).slice(0, 16)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

export function WarningsTab({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const warnings = useWarnings(projectId, all);
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('complaints.warnings.thresholds', { days: 7, count: 3, percent: 50 })}
      />
      <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} style={{ marginBottom: 8 }}>
        {t('complaints.warnings.showAll')}
      </Checkbox>
      <WarningList items={warnings.data?.items ?? []} />
    </>
  );
}
