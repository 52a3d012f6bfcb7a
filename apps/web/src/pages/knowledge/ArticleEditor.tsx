import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Drawer, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../api/callTypes';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

interface ArticleForm {
  title: string;
  category: string;
  tags: string[];
  body: string;
  visibility: 'internal' | 'public';
  scope: 'company' | 'project';
}

export interface EditorTarget {
  /** null: a new article. */
  article: KbArticle | null;
  /** Prefill from an older version ("edit from this version"). */
  from?: Pick<KbArticle, 'title' | 'category' | 'tags' | 'body' | 'visibility'>;
}

/** Write or edit an article: a new one is saved as a draft, every save of an existing one is a version. */
export function ArticleEditor({
  target,
  onClose,
  onSaved,
}: {
  target: EditorTarget | null;
  onClose: () => void;
  onSaved: (a: KbArticle) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { projectId } = useAuth();
  const [form] = Form.useForm<ArticleForm>();
  const categories = useQuery({
    queryKey: ['kb', 'categories', projectId],
    queryFn: () =>
      api.get<{ items: { name: string; articles: number }[] }>('/api/kb/categories', {
        projectId: projectId ?? undefined,
      }),
    enabled: target !== null,
  });
  useEffect(() => {
    if (!target) return;
    const a = target.from ?? target.article;
    form.setFieldsValue({
      title: a?.title ?? '',
      category: a?.category ?? '',
      tags: a?.tags ?? [],
      body: a?.body ?? '',
      visibility: a?.visibility ?? 'internal',
      scope: target.article?.projectId ? 'project' : 'company',
    });
  }, [target, form]);
  const save = useMutation({
    mutationFn: ({ scope, ...v }: ArticleForm) =>
      target?.article
        ? api.patch<KbArticle>(`/api/kb/articles/${target.article.id}`, {
            ...v,
            version: target.article.version,
          })
        : api.post<KbArticle>('/api/kb/articles', {
            ...v,
            projectId: scope === 'project' ? projectId : null,
            status: 'draft',
          }),
    onSuccess: (a) => {
      void message.success(t('kbEdit.saved'));
      void queryClient.invalidateQueries({ queryKey: ['kb'] });
      onSaved(a);
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      width={640}
      title={target?.article ? t('kbEdit.editTitle') : t('kbEdit.newTitle')}
      forceRender
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="kb-save">
          {target?.article ? t('kbEdit.save') : t('kbEdit.saveDraft')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('kbEdit.title')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input data-testid="kb-title" />
        </Form.Item>
        <Space style={{ width: '100%' }} align="start" wrap>
          <Form.Item name="category" label={t('kbEdit.category')} rules={[{ required: true, max: 40 }]}>
            <AutoComplete
              style={{ width: 200 }}
              options={(categories.data?.items ?? []).map((c) => ({ value: c.name }))}
              filterOption={(input, o) => String(o?.value ?? '').includes(input)}
              data-testid="kb-category"
            />
          </Form.Item>
          <Form.Item name="tags" label={t('kbEdit.tags')}>
            <Select mode="tags" style={{ minWidth: 260 }} tokenSeparators={[',', '，']} open={false} />
          </Form.Item>
        </Space>
        <Form.Item name="visibility" label={t('kbEdit.visibility')} extra={t('kbEdit.publicHint')}>
          <Radio.Group
            options={[
              { value: 'internal', label: t('kbEdit.internal') },
              { value: 'public', label: t('kbEdit.public') },
            ]}
            data-testid="kb-visibility"
          />
        </Form.Item>
        {!target?.article && (
          <Form.Item name="scope" label={t('kbEdit.project')}>
            <Radio.Group
              options={[
                { value: 'company', label: t('kbEdit.companyWide') },
                { value: 'project', label: t('kbEdit.currentProject') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="body" label={t('kbEdit.body')} rules={[{ required: true, max: 20_000 }]}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} data-testid="kb-body" />
        </Form.Item>
        {target?.article && (
          <Typography.Text type="secondary">
            {t('kbEdit.version', { version: target.article.version + 1 })}
          </Typography.Text>
        )}
      </Form>
    </Drawer>
  );
}
