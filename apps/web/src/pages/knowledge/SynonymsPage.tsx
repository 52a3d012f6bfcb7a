import { DeleteOutlined } from '@ant-design/icons';
import type { KbSynonymGroup } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { expandPreview } from './synonymPreview';

/** 同义词: the company's synonym groups; editing one changes the next search of agents and residents. */
export default function SynonymsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const write = can('kb.write');
  const [fresh, setFresh] = useState<string[]>([]);
  const [probe, setProbe] = useState('');
  const groups = useQuery({
    queryKey: ['kb-synonyms'],
    queryFn: () => api.get<{ items: KbSynonymGroup[] }>('/api/kb/synonyms'),
  });
  const done = (text: string) => () => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['kb-synonyms'] });
    void queryClient.invalidateQueries({ queryKey: ['kb'] });
  };
  const reload = { onReload: () => void queryClient.invalidateQueries({ queryKey: ['kb-synonyms'] }) };
  const create = useMutation({
    mutationFn: (terms: string[]) => api.post('/api/kb/synonyms', { terms }),
    onSuccess: () => {
      setFresh([]);
      done(t('kbSynonyms.saved'))();
    },
    onError: (e) => onError(e),
  });
  const update = useMutation({
    mutationFn: (g: { id: number; terms: string[]; version: number }) =>
      api.put(`/api/kb/synonyms/${g.id}`, { terms: g.terms, version: g.version }),
    onSuccess: done(t('kbSynonyms.saved')),
    onError: (e) => onError(e, reload),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/kb/synonyms/${id}`),
    onSuccess: done(t('kbSynonyms.deleted')),
    onError: (e) => onError(e),
  });
  const items = groups.data?.items ?? [];
  const expansion = probe.trim()
    ? expandPreview(
        probe,
        items.map((g) => g.terms),
      )
    : [];
  return (
    <>
      <PageHeader title={t('kbSynonyms.title')} subTitle={t('kbSynonyms.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input
            placeholder={t('kbSynonyms.try')}
            value={probe}
            onChange={(e) => setProbe(e.target.value)}
            style={{ maxWidth: 420 }}
            data-testid="synonym-probe"
          />
          {probe.trim() && (
            <Typography.Text type="secondary" data-testid="synonym-expansion">
              {expansion.length
                ? t('kbSynonyms.expandsTo', { terms: expansion.join('、') })
                : t('kbSynonyms.noExpansion')}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {write && (
        <Card title={t('kbSynonyms.add')} style={{ marginBottom: 16 }}>
          <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
            <Select
              mode="tags"
              value={fresh}
              onChange={setFresh}
              tokenSeparators={[',', '，', ' ', '、']}
              placeholder={t('kbSynonyms.termsHint')}
              style={{ flex: 1 }}
              open={false}
              data-testid="synonym-new"
            />
            <Button
              type="primary"
              disabled={fresh.length < 2}
              loading={create.isPending}
              onClick={() => create.mutate(fresh)}
            >
              {t('kbSynonyms.add')}
            </Button>
          </Space.Compact>
        </Card>
      )}
      <Card title={t('kbSynonyms.count', { count: items.length })}>
        <List
          loading={groups.isLoading}
          dataSource={items}
          renderItem={(g) => (
            <List.Item
              actions={
                write
                  ? [
                      <Popconfirm
                        key="del"
                        title={t('kbSynonyms.confirmDelete')}
                        onConfirm={() => remove.mutate(g.id)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              {write ? (
                <Select
                  mode="tags"
                  value={g.terms}
                  open={false}
                  tokenSeparators={[',', '，', ' ', '、']}
                  style={{ width: '100%' }}
                  onChange={(terms: string[]) => {
                    if (terms.length >= 2) update.mutate({ id: g.id, terms, version: g.version });
                  }}
                />
              ) : (
                <Space wrap>
                  {g.terms.map((term) => (
                    <Tag key={term}>{term}</Tag>
                  ))}
                </Space>
              )}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
