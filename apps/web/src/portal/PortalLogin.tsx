import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi, portalCompanyCode } from './api';
import { usePortalError } from './errors';

/** Phone + one-time code. The code comes by SMS (with the demo's `log` provider: the console's delivery log). */
export function PortalLogin({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = usePortalError();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const company = portalCompanyCode();
  const send = useMutation({
    mutationFn: (phone: string) => portalApi.post('/api/portal/auth/code', { phone, company }),
    onSuccess: () => {
      void message.success(t('portal.codeSent'));
      setWait(60);
    },
    onError: (e) => onError(e, { form }),
  });
  const login = useMutation({
    mutationFn: (v: { phone: string; code: string }) =>
      portalApi.post('/api/portal/auth/login', { ...v, company }),
    onSuccess: onLoggedIn,
    onError: (e) => onError(e, { form }),
  });

  return (
    <Card style={{ maxWidth: 420, margin: '24px auto' }}>
      <Typography.Title level={3}>{t('portal.title')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => login.mutate(v)} data-testid="portal-login">
        <Form.Item
          name="phone"
          label={t('portal.phone')}
          rules={[{ required: true, message: t('portal.phoneRequired') }]}
        >
          <Input size="large" inputMode="tel" maxLength={20} data-testid="portal-phone" />
        </Form.Item>
        <Form.Item label={t('portal.code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="code"
              noStyle
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('portal.codeRequired') }]}
            >
              <Input size="large" inputMode="numeric" maxLength={6} data-testid="portal-code" />
            </Form.Item>
            <Button
              size="large"
              disabled={wait > 0}
              loading={send.isPending}
              onClick={() => {
                void form.validateFields(['phone']).then((v) => send.mutate(v.phone));
              }}
              data-testid="portal-send-code"
            >
              {wait > 0 ? t('portal.resendIn', { seconds: wait }) : t('portal.sendCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={login.isPending}
          data-testid="portal-submit"
        >
          {t('portal.login')}
        </Button>
      </Form>
    </Card>
  );
}
