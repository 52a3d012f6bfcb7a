import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { KbArticle } from '../../api/callTypes';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { AskExpertButton } from './AskExpertButton';
import { MyQuestions } from './MyQuestions';

/** 知识库: one standard answer per question, searched in Chinese; agents mark what helped. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [params] = useSearchParams();
  // 专家席 links a published answer here.
  const [openId, setOpenId] = useState<number | null>(Number(params.get('article')) || null);
  const list = useQuery({
    queryKey: ['kb', q, page, projectId],
    queryFn: () =>
      api.get<Page<KbArticle>>('/api/kb/articles', {
        q: q || undefined,
        projectId: projectId ?? undefined,
        page,
        pageSize: 20,
      }),
    placeholderData: keepPreviousData,
  });
  const article = useQuery({
    queryKey: ['kb', 'article', openId],
    queryFn: () => api.get<KbArticle>(`/api/kb/articles/${openId}`),
    enabled: openId !== null,
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'yes' | 'no' | 'use' }) =>
      action === 'use'
        ? api.post<KbArticle>(`/api/kb/articles/${id}/use`)
        : api.post<KbArticle>(`/api/kb/articles/${id}/vote`, { helpful: action === 'yes' }),
    onSuccess: (a) => {
      queryClient.setQueryData(['kb', 'article', a.id], a);
      void queryClient.invalidateQueries({ queryKey: ['kb'] });
    },
    onError: (e) => onError(e),
  });
  const a = article.data;
  return (
    <>
      <PageHeader title={t('kb.title')} subTitle={t('kb.subtitle')} />
      <Card>
        <Input.Search
          allowClear
          enterButton
          placeholder={t('kb.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ maxWidth: 480, marginBottom: 16, marginInlineEnd: 12 }}
          data-testid="kb-search"
        />
        {q && <AskExpertButton question={q} />}
        <List<KbArticle>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('kb.noResults')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          renderItem={(item) => (
            <List.Item
              onClick={() => setOpenId(item.id)}
              style={{ cursor: 'pointer' }}
              extra={<Typography.Text type="secondary">{t('kb.uses', { count: item.uses })}</Typography.Text>}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {item.title}
                    <Tag>{item.category}</Tag>
                    {item.visibility === 'internal' && <Tag color="purple">{t('kb.internal')}</Tag>}
                  </Space>
                }
                description={item.excerpt}
              />
            </List.Item>
          )}
        />
      </Card>
      <MyQuestions onOpenArticle={setOpenId} />
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} width={560} title={a?.title}>
        {a && (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Tag>{a.category}</Tag>
              {a.tags.map((tag) => (
                <Tag key={tag} color="blue">
                  {tag}
                </Tag>
              ))}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.body}</Typography.Paragraph>
            <Space>
              <Typography.Text>{t('kb.helpful')}</Typography.Text>
              <Button icon={<LikeOutlined />} onClick={() => act.mutate({ id: a.id, action: 'yes' })}>
                {a.helpfulYes}
              </Button>
              <Button icon={<DislikeOutlined />} onClick={() => act.mutate({ id: a.id, action: 'no' })}>
                {a.helpfulNo}
              </Button>
              <Button type="primary" onClick={() => act.mutate({ id: a.id, action: 'use' })}>
                {t('kb.used')}
              </Button>
            </Space>
          </>
        )}
      </Drawer>
    </>
  );
}
