import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../api/callTypes';
import { api } from '../../api/client';
import { formatDateTime } from '../../format';

interface Version {
  version: number;
  title: string;
  body: string;
  category: string;
  tags: string[];
  visibility: KbArticle['visibility'];
  status: KbArticle['status'];
  editedAt: string;
}

/** 版本历史: every saved version, newest first; an editor can start a new version from an old text. */
export function ArticleVersions({
  articleId,
  onEditFrom,
}: {
  articleId: number;
  onEditFrom?: (v: Version) => void;
}) {
  const { t } = useTranslation();
  const versions = useQuery({
    queryKey: ['kb', 'versions', articleId],
    queryFn: () => api.get<{ items: Version[] }>(`/api/kb/articles/${articleId}/versions`),
  });
  const items = [...(versions.data?.items ?? [])].reverse();
  return (
    <Collapse
      size="small"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'versions',
          label: `${t('kbEdit.versions')}（${items.length}）`,
          children: (
            <Collapse
              size="small"
              data-testid="kb-versions"
              items={items.map((v) => ({
                key: v.version,
                label: (
                  <>
                    {t('kbEdit.version', { version: v.version })}{' '}
                    <Tag color={v.status === 'published' ? 'green' : 'default'}>
                      {t(`kbEdit.status.${v.status}`)}
                    </Tag>
                    <Typography.Text type="secondary">
                      {t('kbEdit.editedAt', { at: formatDateTime(v.editedAt) })}
                    </Typography.Text>
                  </>
                ),
                children: (
                  <>
                    <Typography.Text strong>{v.title}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.body}</Typography.Paragraph>
                    {onEditFrom && (
                      <Button size="small" onClick={() => onEditFrom(v)}>
                        {t('kbEdit.restore')}
                      </Button>
                    )}
                  </>
                ),
              }))}
            />
          ),
        },
      ]}
    />
  );
}
