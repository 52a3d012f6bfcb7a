import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { GateAnswer } from '@guanjia/shared/api';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

/**
 * 门岗核验, phone-sized: a scanner gun or the phone's camera app types the code (or the pass link) into
 * the box; the answer is big enough to read at arm's length, with the reason when it is refused.
 */
export default function GatePage() {
  const { t } = useTranslation();
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('pass') ?? '');
  const onError = useApiError();
  const verify = useMutation({
    mutationFn: (c: string) => api.post<GateAnswer>('/api/gate/verify', { code: c }),
    onSuccess: () => setCode(''),
    onError: (e) => onError(e),
  });
  const a = verify.data;
  return (
    <div style={{ maxWidth: 420, margin: '0 auto' }}>
      <Typography.Title level={4}>{t('frontdesk.gate.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('frontdesk.gate.subtitle')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          autoFocus
          value={code}
          placeholder={t('frontdesk.gate.placeholder')}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => code.trim() && verify.mutate(code)}
          data-testid="gate-code"
        />
        <Button
          size="large"
          type="primary"
          loading={verify.isPending}
          onClick={() => code.trim() && verify.mutate(code)}
          data-testid="gate-verify"
        >
          {t('frontdesk.gate.verify')}
        </Button>
      </Space.Compact>
      {a && (
        <Card
          style={{ marginTop: 16, borderColor: a.valid ? '#52c41a' : '#ff4d4f' }}
          data-testid="gate-answer"
        >
          <Space align="center" size="middle">
            {a.valid ? (
              <CheckCircleFilled style={{ fontSize: 48, color: '#52c41a' }} />
            ) : (
              <CloseCircleFilled style={{ fontSize: 48, color: '#ff4d4f' }} />
            )}
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {a.valid ? t('frontdesk.gate.valid') : t(`frontdesk.gate.reasons.${a.reason ?? 'unknown'}`)}
              </Typography.Title>
              <Typography.Text code>{a.code}</Typography.Text>
            </div>
          </Space>
          {a.title && (
            <Typography.Paragraph style={{ marginTop: 12, fontSize: 16 }}>{a.title}</Typography.Paragraph>
          )}
          {a.lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
          {a.valid && a.usesLeft !== null && <div>{t('frontdesk.gate.usesLeft', { count: a.usesLeft })}</div>}
        </Card>
      )}
    </div>
  );
}
