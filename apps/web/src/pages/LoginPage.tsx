import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { errorTitle } from '../components/feedback';
import { applyLocale, LOCALES, type Locale } from '../i18n';

interface LoginForm {
  username: string;
  password: string;
}

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user) return <Navigate to={from === '/login' ? '/' : from} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      void navigate(from === '/login' ? '/' : from, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(t('login.wrongPassword'));
      else if (e instanceof ApiError) setError(`${errorTitle(t, e)}：${e.message}`);
      else setError(t('errors.codes.network'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        background: 'linear-gradient(135deg, #0b3d91 0%, #1677ff 55%, #69b1ff 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <Dropdown
          menu={{
            items: LOCALES.map((l) => ({ key: l, label: LOCALE_NAMES[l] })),
            onClick: ({ key }) => void applyLocale(key as Locale),
          }}
        >
          <Button type="text" icon={<GlobalOutlined />} style={{ color: '#fff' }} data-testid="login-lang">
            {LOCALE_NAMES[i18n.language === 'en' ? 'en' : 'zh-CN']}
          </Button>
        </Dropdown>
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
        <div
          style={{
            display: 'flex',
            gap: 64,
            alignItems: 'center',
            flexWrap: 'wrap',
            justifyContent: 'center',
          }}
        >
          <div style={{ color: '#fff', maxWidth: 420 }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16 }}>
              <img
                src="/favicon.svg"
                alt=""
                width={48}
                height={48}
                style={{ borderRadius: 12, boxShadow: '0 4px 12px rgba(0,0,0,.2)' }}
              />
              <span style={{ fontSize: 32, fontWeight: 600 }}>{t('app.name')}</span>
            </div>
            <div style={{ fontSize: 20, marginBottom: 12 }}>{t('app.tagline')}</div>
            <div style={{ opacity: 0.8, lineHeight: 1.8 }}>{t('login.slogan')}</div>
          </div>
          <Card style={{ width: 380, boxShadow: '0 12px 40px rgba(0,0,0,.18)' }} variant="borderless">
            <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 24 }}>
              {t('login.title')}
            </Typography.Title>
            {error && (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
              />
            )}
            <Form<LoginForm>
              layout="vertical"
              size="large"
              onFinish={(v) => void submit(v)}
              requiredMark={false}
            >
              <Form.Item name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
                <Input
                  prefix={<UserOutlined />}
                  placeholder={t('login.username')}
                  autoComplete="username"
                  autoFocus
                  name="username"
                />
              </Form.Item>
              <Form.Item name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
                <Input.Password
                  prefix={<LockOutlined />}
                  placeholder={t('login.password')}
                  autoComplete="current-password"
                  name="password"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
              {t('login.hint')}
            </Typography.Paragraph>
          </Card>
        </div>
      </div>
    </div>
  );
}
