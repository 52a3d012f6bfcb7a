import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { KbArticle } from '../../api/callTypes';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ArticleEditor, type EditorTarget } from '../knowledge/ArticleEditor';
import { ArticleStatusButton } from '../knowledge/ArticleStatusButton';
import { ArticleVersions } from '../knowledge/ArticleVersions';
import { AskExpertButton } from './AskExpertButton';
import { MyQuestions } from './MyQuestions';

/** 知识库: one standard answer per question, searched in Chinese; agents mark what helped. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const write = can('kb.write');
  const [category, setCategory] = useState<string | undefined>();
  const [status, setStatus] = useState<'draft' | 'published' | undefined>();
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [params] = useSearchParams();
  // 专家席 links a published answer here.
  const [openId, setOpenId] = useState<number | null>(Number(params.get('article')) || null);
  const list = useQuery({
    queryKey: ['kb', q, page, projectId, category, status],
    queryFn: () =>
      api.get<Page<KbArticle>>('/api/kb/articles', {
        q: q || undefined,
        projectId: projectId ?? undefined,
        category,
        status,
        page,
        pageSize: 20,
      }),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery({
    queryKey: ['kb', 'categories', projectId],
    queryFn: () =>
      api.get<{ items: { name: string; articles: number }[] }>('/api/kb/categories', {
        projectId: projectId ?? undefined,
      }),
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
      <PageHeader
        title={t('kb.title')}
        subTitle={t('kb.subtitle')}
        extra={
          write && (
            <Button type="primary" onClick={() => setEditor({ article: null })} data-testid="kb-new">
              {t('kbEdit.new')}
            </Button>
          )
        }
      />
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
        <Select
          allowClear
          placeholder={t('kbEdit.allCategories')}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          style={{ width: 180, marginInlineEnd: 12 }}
          options={(categories.data?.items ?? []).map((c) => ({
            value: c.name,
            label: t('kbEdit.categoryCount', { name: c.name, count: c.articles }),
          }))}
        />
        {write && (
          <Select
            allowClear
            placeholder={t('kbEdit.allStatuses')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            style={{ width: 140, marginInlineEnd: 12 }}
            options={(['draft', 'published'] as const).map((v) => ({
              value: v,
              label: t(`kbEdit.status.${v}`),
            }))}
          />
        )}
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
                    {item.status === 'draft' && <Tag color="orange">{t('kbEdit.status.draft')}</Tag>}
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
              <Tag color={a.status === 'published' ? 'green' : 'orange'} data-testid="kb-status">
                {t(`kbEdit.status.${a.status}`)}
              </Tag>
              <Tag color={a.visibility === 'public' ? 'cyan' : 'purple'}>
                {a.visibility === 'public' ? t('kbEdit.public') : t('kbEdit.internal')}
              </Tag>
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
            {write && (
              <Space style={{ marginTop: 16, display: 'flex' }}>
                <Button onClick={() => setEditor({ article: a })} data-testid="kb-edit">
                  {t('kbEdit.edit')}
                </Button>
                <ArticleStatusButton article={a} />
              </Space>
            )}
            <ArticleVersions
              articleId={a.id}
              onEditFrom={write ? (v) => setEditor({ article: a, from: v }) : undefined}
            />
          </>
        )}
      </Drawer>
      <ArticleEditor
        target={editor}
        onClose={() => setEditor(null)}
        onSaved={(saved) => {
          setEditor(null);
          queryClient.setQueryData(['kb', 'article', saved.id], saved);
          setOpenId(saved.id);
        }}
      />
    </>
  );
}
