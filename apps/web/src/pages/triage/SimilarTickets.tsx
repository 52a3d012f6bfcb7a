import type { similarTicketsSchema } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { api } from '../../api/client';

type Similar = z.infer<typeof similarTicketsSchema>;

/**
 * 同类问题 on the ticket page: open tickets of the same building and window that read like the same
 * problem ("3 其他住户在5号楼报了电梯异响"), linkable in one click; a large group suggests an incident.
 */
export function SimilarTickets({ ticketId, canWrite }: { ticketId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ['tickets', ticketId, 'similar'],
    queryFn: () => api.get<Similar>(`/api/tickets/${ticketId}/similar`),
    meta: { silent: true },
  });
  const link = useMutation({
    mutationFn: (ids: number[]) => api.post(`/api/tickets/${ticketId}/similar/link`, { ticketIds: ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tickets', ticketId, 'similar'] }),
  });
  const s = q.data;
  if (!s) return null;
  const unlinked = s.items.filter((i) => !i.linked).map((i) => i.id);
  return (
    <Card
      title={t('triage.similar.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="similar-tickets"
    >
      {s.items.length ? (
        <>
          <Typography.Paragraph data-testid="similar-summary">
            {t('triage.similar.summary', {
              count: s.items.length,
              place: s.buildingName ?? t('triage.similar.anyPlace'),
              label: s.label,
              hours: s.windowHours,
            })}
          </Typography.Paragraph>
          {s.suggestIncident && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('triage.similar.incident', { n: s.incidentThreshold })}
              action={
                <Link to="/incidents">
                  <Button size="small">{t('triage.similar.createIncident')}</Button>
                </Link>
              }
            />
          )}
          <List
            size="small"
            dataSource={s.items}
            renderItem={(i) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/tickets/${i.id}`}>{i.number}</Link>
                  <span>{i.unitLabel}</span>
                  <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                    {i.description}
                  </Typography.Text>
                  <Tag>{`${t('triage.similar.similarity')} ${Math.round(i.similarity * 100)}%`}</Tag>
                  {i.linked && <Tag color="green">{t('triage.similar.linked')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
          {canWrite && unlinked.length > 0 && (
            <Button
              size="small"
              data-testid="similar-link"
              loading={link.isPending}
              onClick={() => link.mutate(unlinked)}
            >
              {t('triage.similar.link')}
            </Button>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('triage.similar.none')}</Typography.Text>
      )}
    </Card>
  );
}
