import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { formatDateTime } from '../../format';
import type { QaFlag } from './types';

/** Forbidden phrases found in notes, answers and transcripts as they were written. */
export function FlagsTab({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['qa-flags', projectId, page],
    queryFn: () => api.get<Page<QaFlag>>('/api/qa/flags', { projectId, page, pageSize: 20 }),
  });
  return (
    <Table<QaFlag>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      columns={[
        {
          title: t('quality.flaggedAt'),
          dataIndex: 'createdAt',
          width: 130,
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('quality.agent'),
          dataIndex: 'authorName',
          width: 100,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('quality.source'),
          dataIndex: 'source',
          width: 110,
          render: (v: QaFlag['source'], r) =>
            r.subjectType === 'ticket' ? (
              <Link to={`/tickets/${r.subjectId}`}>{t(`quality.sources.${v}`)}</Link>
            ) : (
              t(`quality.sources.${v}`)
            ),
        },
        {
          title: t('quality.forbiddenTag'),
          dataIndex: 'phrases',
          width: 200,
          render: (v: string[]) =>
            v.map((p) => (
              <Tag key={p} color="red">
                {p}
              </Tag>
            )),
        },
        { title: t('quality.excerpt'), dataIndex: 'excerpt', ellipsis: true },
      ]}
    />
  );
}
