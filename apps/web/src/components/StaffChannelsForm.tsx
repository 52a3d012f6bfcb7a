import { STAFF_CHANNELS, type StaffChannel } from '@guanjia/shared';
import type { StaffChannels } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Skeleton, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { validPhone } from '../pages/residents/validators';
import { useApiError } from './feedback';

interface ChannelsForm {
  channels: StaffChannel[];
  email?: string;
  mobile?: string;
}

/**
 * A staff member's alert channels, read from and saved to `path` (/api/auth/me/channels for oneself,
 * /api/staff/:id/channels on the staff page). In-app notifications are always on.
 */
export function StaffChannelsForm({ path, onSaved }: { path: string; onSaved?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChannelsForm>();
  const query = useQuery({ queryKey: ['staff-channels', path], queryFn: () => api.get<StaffChannels>(path) });
  const chosen = Form.useWatch('channels', form) ?? [];

  useEffect(() => {
    if (!query.data) return;
    form.setFieldsValue({
      channels: query.data.channels,
      email: query.data.email ?? undefined,
      mobile: query.data.mobile ?? undefined,
    });
  }, [query.data, form]);

  const save = useMutation({
    mutationFn: (v: ChannelsForm) =>
      api.put<StaffChannels>(path, {
        channels: v.channels,
        email: v.email?.trim() || null,
        mobile: v.mobile?.trim() || null,
        ...(query.data?.version ? { version: query.data.version } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['staff-channels', path], saved);
      void message.success(t('staffChannels.saved'));
      onSaved?.();
    },
    onError: (error) => onError(error, { form, onReload: () => void query.refetch() }),
  });

  if (query.isPending) return <Skeleton active />;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="staff-channels-form">
      <Form.Item label={t('staffChannels.channels')} extra={t('staffChannels.inapp')} name="channels">
        <Checkbox.Group
          options={STAFF_CHANNELS.map((c) => ({
            value: c,
            label: <span data-testid={`staff-channel-${c}`}>{t(`staffChannels.channel.${c}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('staffChannels.email')}
        name="email"
        extra={t('staffChannels.emailHint')}
        rules={[{ type: 'email', message: t('validation.email') }]}
      >
        <Input disabled={!chosen.includes('email')} data-testid="staff-channel-email-input" />
      </Form.Item>
      <Form.Item
        label={t('staffChannels.mobile')}
        name="mobile"
        extra={t('staffChannels.mobileHint')}
        rules={[
          {
            validator: (_, v: string | undefined) =>
              !v || validPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.phone'))),
          },
        ]}
      >
        <Input disabled={!chosen.includes('sms') && !chosen.includes('wechat')} />
      </Form.Item>
      <Alert type="info" showIcon title={t('staffChannels.quietHours')} style={{ marginBottom: 16 }} />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="staff-channels-save">
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
