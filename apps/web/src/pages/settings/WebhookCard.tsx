import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

interface WebhookConfig {
  projectId: number;
  url: string | null;
  hasSecret: boolean;
  version: number | null;
}

/** The project's outgoing webhook: where `webhook` deliveries are POSTed, and its signing secret. */
export function WebhookCard({ projectId, writable }: { projectId: number; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ url?: string }>();
  const [secret, setSecret] = useState<string | null>(null);
  const key = ['delivery-webhook', projectId];
  const config = useQuery({
    queryKey: key,
    queryFn: () => api.get<WebhookConfig>('/api/delivery/webhook', { projectId }),
  });
  useEffect(() => {
    form.setFieldsValue({ url: config.data?.url ?? undefined });
    setSecret(null);
  }, [config.data, form]);

  const save = useMutation({
    mutationFn: (v: { url?: string }) =>
      api.put<WebhookConfig>('/api/delivery/webhook', {
        projectId,
        url: v.url?.trim() || null,
        ...(config.data?.version ? { version: config.data.version } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      void message.success(t('webhook.saved'));
    },
    onError: (error) => onError(error, { form, onReload: () => void config.refetch() }),
  });
  const rotate = useMutation({
    mutationFn: () =>
      api.post<WebhookConfig & { secret: string }>('/api/delivery/webhook/secret', { projectId }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setSecret(saved.secret);
    },
    onError: (error) => onError(error),
  });

  return (
    <Card title={t('webhook.title')} style={{ marginTop: 16 }} data-testid="webhook-card">
      <Typography.Paragraph type="secondary">{t('webhook.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} disabled={!writable}>
        <Form.Item
          name="url"
          label="URL"
          rules={[{ type: 'url', message: t('webhook.badUrl') }]}
          style={{ minWidth: 420 }}
        >
          <Input placeholder="https://im.example.com/hooks/guanjia" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
      <Space style={{ marginTop: 12 }} wrap>
        <Tag color={config.data?.hasSecret ? 'green' : 'default'}>
          {config.data?.hasSecret ? t('webhook.secretSet') : t('webhook.noSecret')}
        </Tag>
        {writable && (
          <Popconfirm title={t('webhook.rotateConfirm')} onConfirm={() => rotate.mutate()}>
            <Button size="small" loading={rotate.isPending}>
              {t('webhook.rotate')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {secret && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('webhook.secretOnce')}
          description={
            <Typography.Text copyable code>
              {secret}
            </Typography.Text>
          }
        />
      )}
    </Card>
  );
}
