import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

interface TelephonyConfig {
  projectId: number;
  hasToken: boolean;
  dialUrl: string | null;
  version: number | null;
}

/** The webhook secret (rotated, shown once) and the dial URL of the current project. */
export function LinkTab() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { projectId } = useAuth();
  const [form] = Form.useForm<{ dialUrl: string }>();
  const [shownToken, setShownToken] = useState<string | null>(null);
  const config = useQuery({
    queryKey: ['telephony-config', projectId],
    queryFn: () => api.get<TelephonyConfig>('/api/telephony/config', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });
  useEffect(() => {
    form.setFieldsValue({ dialUrl: config.data?.dialUrl ?? '' });
  }, [config.data, form]);
  const save = useMutation({
    mutationFn: (dialUrl: string) =>
      api.put<TelephonyConfig>('/api/telephony/config', {
        projectId,
        dialUrl: dialUrl.trim() || null,
        version: config.data?.version ?? undefined,
      }),
    onSuccess: (c) => {
      queryClient.setQueryData(['telephony-config', projectId], c);
      void message.success(t('pbx.saved'));
    },
    onError: (e) => onError(e, { form }),
  });
  const rotate = useMutation({
    mutationFn: () =>
      api.post<TelephonyConfig & { token: string }>('/api/telephony/config/token', { projectId }),
    onSuccess: ({ token, ...c }) => {
      setShownToken(token);
      queryClient.setQueryData(['telephony-config', projectId], c);
    },
    onError: (e) => onError(e),
  });
  const origin = window.location.origin;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('pbx.token')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            {config.data?.hasToken ? (
              <Tag color="green">{t('pbx.tokenSet')}</Tag>
            ) : (
              <Tag>{t('pbx.tokenUnset')}</Tag>
            )}
            <Button
              data-testid="pbx-rotate"
              loading={rotate.isPending}
              onClick={() =>
                config.data?.hasToken
                  ? modal.confirm({ title: t('pbx.rotateConfirm'), onOk: () => rotate.mutateAsync() })
                  : rotate.mutate()
              }
            >
              {t('pbx.rotate')}
            </Button>
          </Space>
          {shownToken && (
            <Alert
              type="warning"
              showIcon
              message={t('pbx.tokenOnce')}
              description={
                <Typography.Text code copyable data-testid="pbx-token">
                  {shownToken}
                </Typography.Text>
              }
            />
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('pbx.eventsUrl')}>
              <Typography.Text copyable>{`${origin}/api/telephony/events`}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('pbx.routeUrl')}>
              <Typography.Text copyable>{`${origin}/api/telephony/route`}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('pbx.tokenHeader')}</Typography.Text>
        </Space>
      </Card>
      <Card title={t('pbx.dialUrl')}>
        <Form form={form} layout="inline" onFinish={(v) => save.mutate(v.dialUrl ?? '')}>
          <Form.Item name="dialUrl" extra={t('pbx.dialUrlHint')} style={{ flex: 1, minWidth: 320 }}>
            <Input placeholder="https://pbx.example.com/dial" data-testid="pbx-dial-url" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('pbx.save')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
