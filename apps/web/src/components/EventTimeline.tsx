import { useQuery } from '@tanstack/react-query';
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useStaffNames } from '../api/hooks';
import type { AuditEvent, Page } from '../api/types';
import { eventName } from '../eventName';
import { formatDateTime, jsonPreview } from '../format';

/** What changed on one record, newest first (from the audit log). */
export function EventTimeline({ entityType, entityId }: { entityType: string; entityId: number | string }) {
  const { t } = useTranslation();
  const names = useStaffNames();
  const events = useQuery({
    queryKey: ['events', entityType, entityId],
    queryFn: () => api.get<Page<AuditEvent>>('/api/events', { entityType, entityId, page: 1, pageSize: 50 }),
  });
  if (!events.isLoading && !events.data?.items.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;
  return (
    <Timeline
      items={(events.data?.items ?? []).map((e) => ({
        key: e.id,
        title: formatDateTime(e.occurredAt),
        content: (
          <div>
            <Typography.Text strong>{eventName(t, e.action)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t('audit.by', {
                actor:
                  (e.actorId !== null ? (names.data?.get(e.actorId) ?? t('events.unknownStaff')) : null) ??
                  t(`audit.sources.${e.source}`, { defaultValue: e.source }),
              })}
            </Typography.Text>
            {e.after !== null && e.after !== undefined && (
              <div style={{ fontSize: 12, color: '#8c8c8c', wordBreak: 'break-all' }}>
                {jsonPreview(e.after)}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
