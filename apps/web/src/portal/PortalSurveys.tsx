import type { SurveyForm } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { request } from '../api/client';
import { answersOf, SurveyFormFields } from '../pages/surveys/SurveyFormFields';
import { portalApi } from './api';

/** One questionnaire answered on the phone: the portal's list and the SMS link share it. */
function AnswerCard({
  form,
  onSubmit,
  pending,
  error,
}: {
  form: SurveyForm;
  onSubmit: (v: Record<string, unknown>) => void;
  pending: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [f] = Form.useForm();
  return (
    <Card title={form.name} extra={form.unitLabel} data-testid="survey-card">
      <Typography.Paragraph type="secondary">
        {t('surveys.portal.intro', { endsOn: form.endsOn })}
      </Typography.Paragraph>
      <Form form={f} layout="vertical" onFinish={onSubmit}>
        <SurveyFormFields sections={form.sections} />
        {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={pending} data-testid="survey-submit">
          {t('surveys.portal.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The portal's 问卷 tab: the open surveys of the resident's households. */
export function PortalSurveys() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [done, setDone] = useState<number[]>([]);
  const list = useQuery({
    queryKey: ['portal', 'surveys'],
    queryFn: () => portalApi.get<{ items: SurveyForm[] }>('/api/portal/surveys'),
  });
  const answer = useMutation({
    mutationFn: (v: { form: SurveyForm; values: Record<string, unknown> }) =>
      portalApi.post(`/api/portal/surveys/${v.form.campaignId}/answers`, {
        unitId: v.form.unitId,
        answers: answersOf(v.values),
      }),
    onSuccess: (_, v) => {
      setDone((d) => [...d, v.form.invitationId]);
      void qc.invalidateQueries({ queryKey: ['portal', 'surveys'] });
    },
  });
  const open = (list.data?.items ?? []).filter((f) => !f.answeredAt && !done.includes(f.invitationId));
  if (list.isLoading) return <Spin />;
  if (done.length && !open.length) return <Result status="success" title={t('surveys.portal.thanks')} />;
  if (!open.length) return <Empty description={t('surveys.portal.none')} />;
  return (
    <>
      {open.map((f) => (
        <AnswerCard
          key={f.invitationId}
          form={f}
          pending={answer.isPending}
          error={answer.error ? (answer.error as Error).message : null}
          onSubmit={(values) => answer.mutate({ form: f, values })}
        />
      ))}
    </>
  );
}

/** /portal/s/:token — the SMS link: no login, the token is the household's invitation. */
export default function SurveyLinkPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const [sent, setSent] = useState(false);
  const form = useQuery({
    queryKey: ['survey-link', token],
    queryFn: () => request<SurveyForm>('GET', `/api/survey-links/${token}`, { quiet401: true }),
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      request('POST', `/api/survey-links/${token}/answers`, {
        body: { answers: answersOf(values) },
        quiet401: true,
      }),
    onSuccess: () => setSent(true),
  });
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 12, minHeight: '100vh', background: '#f5f5f5' }}>
      {form.isLoading ? (
        <Spin />
      ) : form.isError ? (
        <Result status="404" title={t('surveys.portal.badLink')} />
      ) : sent || form.data?.answeredAt ? (
        <Result status="success" title={t('surveys.portal.thanks')} data-testid="survey-thanks" />
      ) : (
        form.data && (
          <>
            <Typography.Title level={4}>{form.data.description}</Typography.Title>
            <AnswerCard
              form={form.data}
              pending={answer.isPending}
              error={answer.error ? (answer.error as Error).message : null}
              onSubmit={(v) => answer.mutate(v)}
            />
          </>
        )
      )}
    </div>
  );
}
