import type { PortalKbArticle } from '@guanjia/shared/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, List, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi } from './api';
import { usePortalTime } from './time';

/** 常见问题: the public, published articles of the resident's estate, searched with the company's synonyms. */
export function PortalKb() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['portal', 'kb', q],
    queryFn: () =>
      portalApi.get<{ items: PortalKbArticle[]; total: number }>('/api/portal/kb', {
        q: q || undefined,
        pageSize: 30,
      }),
    placeholderData: keepPreviousData,
  });
  if (openId !== null) return <PortalKbArticleView id={openId} onBack={() => setOpenId(null)} />;
  return (
    <>
      <Input.Search
        allowClear
        enterButton
        placeholder={t('portalKb.search')}
        onSearch={(v) => setQ(v.trim())}
        style={{ marginBottom: 12 }}
        data-testid="portal-kb-search"
      />
      <List<PortalKbArticle>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('portalKb.empty')} /> }}
        renderItem={(a) => (
          <Card size="small" style={{ marginBottom: 8, cursor: 'pointer' }} onClick={() => setOpenId(a.id)}>
            <Typography.Text strong data-testid="portal-kb-title">
              {a.title}
            </Typography.Text>{' '}
            <Tag>{a.category}</Tag>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} ellipsis={{ rows: 2 }}>
              {a.excerpt}
            </Typography.Paragraph>
          </Card>
        )}
      />
    </>
  );
}

function PortalKbArticleView({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation();
  const time = usePortalTime();
  const article = useQuery({
    queryKey: ['portal', 'kb', 'article', id],
    queryFn: () => portalApi.get<PortalKbArticle>(`/api/portal/kb/${id}`),
  });
  const a = article.data;
  return (
    <Card
      title={a?.title}
      extra={
        <Button size="small" onClick={onBack}>
          {t('portalKb.back')}
        </Button>
      }
    >
      {!a ? (
        <Spin />
      ) : (
        <>
          <Tag>{a.category}</Tag>
          <Typography.Text type="secondary">
            {t('portalKb.updated', { at: time(a.updatedAt) })}
          </Typography.Text>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}
            data-testid="portal-kb-body"
          >
            {a.body}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
