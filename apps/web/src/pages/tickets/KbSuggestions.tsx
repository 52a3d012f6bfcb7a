import { useQuery } from '@tanstack/react-query';
import { Collapse, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../api/callTypes';
import { api } from '../../api/client';
import { AskExpertButton } from '../callcenter/AskExpertButton';

/**
 * 知识库建议 on the intake form: while the agent types the resident's question, the standard answers
 * that match it (server-side bigram match), so the one standard answer can be given on the spot.
 */
export function KbSuggestions({
  text,
  projectId,
  callerPhone,
}: {
  text: string;
  projectId: number | null;
  callerPhone?: string;
}) {
  const { t } = useTranslation();
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 500);
    return () => clearTimeout(timer);
  }, [text]);
  const suggest = useQuery({
    queryKey: ['kb', 'suggest', projectId, debounced],
    queryFn: () =>
      api.get<{ items: KbArticle[] }>('/api/kb/suggest', {
        text: debounced,
        projectId: projectId ?? undefined,
      }),
    enabled: debounced.length >= 4,
    meta: { silent: true },
  });
  const items = suggest.data?.items ?? [];
  // Nothing fits (or nothing helped): the question goes to the expert seat, with the caller.
  const ask = suggest.isSuccess && (
    <div style={{ marginTop: 8 }}>
      <AskExpertButton size="small" question={debounced} callerPhone={callerPhone} />
    </div>
  );
  if (!items.length) return ask ? <div style={{ marginBottom: 16 }}>{ask}</div> : null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="kb-suggestions">
      <Typography.Text type="secondary">{t('kb.suggestions')}</Typography.Text>
      <Collapse
        size="small"
        items={items.map((a) => ({
          key: a.id,
          label: (
            <>
              {a.title} <Tag>{a.category}</Tag>
            </>
          ),
          children: <KbArticleBody id={a.id} />,
        }))}
      />
      {ask}
    </div>
  );
}

function KbArticleBody({ id }: { id: number }) {
  const article = useQuery({
    queryKey: ['kb', 'article', id],
    queryFn: () => api.get<KbArticle>(`/api/kb/articles/${id}`),
  });
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
      {article.data?.body ?? '…'}
    </Typography.Paragraph>
  );
}
