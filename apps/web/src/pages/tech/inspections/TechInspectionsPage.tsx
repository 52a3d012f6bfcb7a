import { QrcodeOutlined, RightOutlined } from '@ant-design/icons';
import type { InspectionTask } from '@guanjia/shared/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Segmented, Spin, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';
import { useAuth } from '../../../auth/AuthProvider';
import { useApiError } from '../../../components/feedback';
import { formatDateTime } from '../../../format';
import { flush, storedTaskIds } from './offlineAnswers';

/** 今日巡检 on the phone: a scan field (the scanner types the label's payload) and today's tasks. */
export default function TechInspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onError = useApiError();
  const { projectId } = useAuth();
  const today = useQuery({
    queryKey: ['inspection-tasks', 'tech', 'today', projectId],
    queryFn: () =>
      api.get<Page<InspectionTask>>('/api/inspection-tasks', {
        projectId: projectId ?? undefined,
        due: 'today',
        pageSize: 200,
      }),
    enabled: projectId !== null,
  });
  const overdue = useQuery({
    queryKey: ['inspection-tasks', 'tech', 'overdue', projectId],
    queryFn: () =>
      api.get<Page<InspectionTask>>('/api/inspection-tasks', {
        projectId: projectId ?? undefined,
        due: 'overdue',
        pageSize: 50,
      }),
    enabled: projectId !== null,
  });
  const scan = useMutation({
    mutationFn: (code: string) => api.get<{ path: string | null }>('/api/scan', { code }),
    onSuccess: (r) => {
      if (r.path) void navigate(r.path);
    },
    onError: (error) => onError(error),
  });
  // Answers left on the phone by an earlier visit go out as soon as the page opens.
  useEffect(() => {
    for (const id of storedTaskIds()) void flush(id).catch(() => undefined);
  }, []);
  const items = [
    ...(overdue.data?.items ?? []).filter((x) => x.dueDate !== today.data?.items[0]?.dueDate),
    ...(today.data?.items ?? []),
  ].sort(
    (a, b) =>
      Number(a.status !== 'pending') - Number(b.status !== 'pending') || a.dueAt.localeCompare(b.dueAt),
  );
  return (
    <div data-testid="tech-inspections">
      <Segmented
        block
        size="large"
        value="inspections"
        onChange={(v) => v === 'work' && navigate('/tech')}
        options={[
          { value: 'work', label: t('assets.tech.myWork') },
          { value: 'inspections', label: t('assets.tech.inspections') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Input.Search
        size="large"
        enterButton={
          <span>
            <QrcodeOutlined /> {t('assets.tech.scanGo')}
          </span>
        }
        placeholder={t('assets.tech.scanPlaceholder')}
        loading={scan.isPending}
        onSearch={(v) => v.trim() && scan.mutate(v.trim())}
        data-testid="scan-input"
        style={{ marginBottom: 12 }}
      />
      <div style={{ fontWeight: 600, margin: '4px 0 8px' }}>{t('assets.tech.today')}</div>
      <Spin spinning={today.isLoading}>
        {items.length === 0 && !today.isLoading ? (
          <Empty description={t('assets.tech.noTasks')} />
        ) : (
          items.map((task) => (
            <Button
              key={task.id}
              block
              onClick={() => navigate(`/tech/inspections/${task.id}`)}
              style={{
                height: 'auto',
                padding: 12,
                marginBottom: 8,
                textAlign: 'start',
                borderRadius: 12,
                whiteSpace: 'normal',
              }}
              data-testid={`task-${task.id}`}
            >
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%' }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontWeight: 600 }}>{task.title}</div>
                  <div style={{ color: '#595959', fontSize: 12 }}>
                    {task.equipmentCode
                      ? `${task.equipmentCode} ${task.equipmentName} · ${task.location}`
                      : task.system}{' '}
                    · {formatDateTime(task.dueAt)}
                  </div>
                </div>
                {task.status === 'done' ? (
                  <Tag color="green">{t('assets.tech.done')}</Tag>
                ) : task.overdue ? (
                  <Tag color="red">{t('assets.tech.overdue')}</Tag>
                ) : null}
                <RightOutlined style={{ color: '#bfbfbf' }} />
              </div>
            </Button>
          ))
        )}
      </Spin>
    </div>
  );
}
