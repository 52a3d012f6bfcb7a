import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { KbQuestion } from '../../api/callTypes';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

const COLOR: Record<KbQuestion['status'], string> = { open: 'orange', answered: 'blue', published: 'green' };

/** The agent's own questions to the expert seat, with the answers as they arrive (live-refreshed). */
export function MyQuestions({ onOpenArticle }: { onOpenArticle: (id: number) => void }) {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: ['kb-questions', 'mine'],
    queryFn: () => api.get<Page<KbQuestion>>('/api/kb/questions', { mine: 'true', pageSize: 10 }),
  });
  const items = mine.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card title={t('kbExpert.mine')} style={{ marginTop: 16 }} data-testid="kb-my-questions">
      <List<KbQuestion>
        size="small"
        dataSource={items}
        renderItem={(q) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Tag color={COLOR[q.status]}>{t(`kbExpert.statuses.${q.status}`)}</Tag>
              <Typography.Text strong>{q.question}</Typography.Text>
              {q.ticketId && (
                <Link to={`/tickets/${q.ticketId}`} style={{ marginInlineStart: 8 }}>
                  {t('kbExpert.ticket', { number: q.ticketNumber ?? q.ticketId })}
                </Link>
              )}
              <Typography.Paragraph
                type={q.answer ? undefined : 'secondary'}
                style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}
              >
                {q.answer ?? t('kbExpert.waiting')}
              </Typography.Paragraph>
              {q.articleId && (
                <Button type="link" size="small" onClick={() => onOpenArticle(q.articleId ?? 0)}>
                  {t('kbExpert.openArticle')}
                </Button>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
