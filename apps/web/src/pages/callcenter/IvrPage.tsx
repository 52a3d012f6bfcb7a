import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowError, IvrReply } from '../../api/callTypes';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';

interface FlowView {
  projectId: number;
  flow: unknown;
  version: number;
}
type Hours = 'auto' | 'open' | 'closed';
interface SimStep {
  input: string;
  reply: IvrReply;
  tickets: { type: string; description: string }[];
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** IVR 流程: edit the project's flow as JSON with validation, and "call" it in the simulator. */
export default function IvrPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: ['ivr', projectId],
    queryFn: () => api.get<FlowView>(`/api/ivr/flows/${projectId}`),
    enabled: Boolean(projectId),
  });
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FlowError[] | null>(null);
  const [hours, setHours] = useState<Hours>('auto');
  const [state, setState] = useState<unknown>(null);
  const [log, setLog] = useState<SimStep[]>([]);
  useEffect(() => {
    if (saved.data) setText(JSON.stringify(saved.data.flow, null, 2));
  }, [saved.data]);

  const parsed = (): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const validate = useMutation({
    mutationFn: () =>
      api.post<{ valid: boolean; errors: FlowError[] }>('/api/ivr/validate', { flow: parsed() ?? null }),
    onSuccess: (r) => setErrors(r.errors),
    onError: (e) => onError(e),
  });
  const save = useMutation({
    mutationFn: () =>
      api.put<FlowView>(`/api/ivr/flows/${projectId}`, {
        flow: parsed() ?? null,
        version: saved.data?.version,
      }),
    onSuccess: (r) => {
      setErrors([]);
      queryClient.setQueryData(['ivr', projectId], r);
      void message.success(t('ivr.saved'));
    },
    onError: (e) => {
      const details = (e as { details?: unknown }).details;
      if (Array.isArray(details)) setErrors(details as FlowError[]);
      else onError(e);
    },
  });
  const step = useMutation({
    mutationFn: (input: { input?: string; recordingUrl?: string; restart?: boolean }) =>
      api.post<{ reply: IvrReply; state: unknown; tickets: SimStep['tickets'] }>(
        `/api/ivr/flows/${projectId}/simulate`,
        {
          flow: parsed(),
          state: input.restart ? null : state,
          hours,
          input: input.input ?? null,
          recordingUrl: input.recordingUrl ?? null,
        },
      ),
    onSuccess: (r, input) => {
      setState(r.reply.hangup || r.reply.transfer ? null : r.state);
      const label = input.restart
        ? t('ivr.dialIn')
        : (input.input ?? (input.recordingUrl ? t('ivr.recorded') : t('ivr.silence')));
      setLog((l) => [...(input.restart ? [] : l), { input: label, reply: r.reply, tickets: r.tickets }]);
    },
    onError: (e) => {
      const details = (e as { details?: unknown }).details;
      if (Array.isArray(details)) setErrors(details as FlowError[]);
      else onError(e);
    },
  });
  const last = log[log.length - 1]?.reply;
  const live = state !== null;

  return (
    <>
      <PageHeader title={t('ivr.title')} subTitle={t('ivr.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={13}>
          <Card
            title={t('ivr.flow')}
            extra={
              <Space>
                <Button onClick={() => validate.mutate()} loading={validate.isPending}>
                  {t('ivr.validate')}
                </Button>
                <Button type="primary" onClick={() => save.mutate()} loading={save.isPending}>
                  {t('ivr.save')}
                </Button>
              </Space>
            }
          >
            {parsed() === undefined && (
              <Alert type="error" showIcon message={t('ivr.badJson')} style={{ marginBottom: 8 }} />
            )}
            {errors && errors.length === 0 && (
              <Alert type="success" showIcon message={t('ivr.valid')} style={{ marginBottom: 8 }} />
            )}
            {errors && errors.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 8 }}
                message={t('ivr.errors', { count: errors.length })}
                description={
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {errors.map((e) => (
                      <li key={`${e.code}-${e.path}`}>
                        <Tag>{t(`ivr.codes.${e.code}`, { defaultValue: e.code })}</Tag>
                        <Typography.Text code>{e.path}</Typography.Text> {e.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 20, maxRows: 40 }}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              spellCheck={false}
            />
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card
            title={t('ivr.simulator')}
            extra={
              <Segmented
                value={hours}
                onChange={(v) => setHours(v as Hours)}
                options={[
                  { value: 'auto', label: t('ivr.hoursAuto') },
                  { value: 'open', label: t('ivr.hoursOpen') },
                  { value: 'closed', label: t('ivr.hoursClosed') },
                ]}
              />
            }
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Button type="primary" onClick={() => step.mutate({ restart: true })} data-testid="ivr-dial">
                {t('ivr.dialIn')}
              </Button>
              {KEYS.map((k) => (
                <Button key={k} disabled={!live || !last?.gather} onClick={() => step.mutate({ input: k })}>
                  {k}
                </Button>
              ))}
              <Button disabled={!live || !last?.gather} onClick={() => step.mutate({})}>
                {t('ivr.silence')}
              </Button>
              <Button
                disabled={!live || !last?.record}
                onClick={() => step.mutate({ recordingUrl: 'https://example.com/simulated-voicemail.wav' })}
              >
                {t('ivr.leaveMessage')}
              </Button>
            </Space>
            <List<SimStep>
              size="small"
              dataSource={log}
              renderItem={(s) => (
                <List.Item>
                  <div>
                    <Tag>{s.input}</Tag>
                    <Tag color="blue">{s.reply.node}</Tag>
                    {s.reply.say && <Typography.Text>{s.reply.say}</Typography.Text>}
                    {s.reply.audioUrl && (
                      <PromptAudio url={s.reply.audioUrl} autoPlay={s === log[log.length - 1]} />
                    )}
                    {s.reply.transfer && (
                      <Tag color="green">{t('ivr.transfer', { queue: s.reply.transfer.queue })}</Tag>
                    )}
                    {s.reply.hangup && <Tag color="red">{t('ivr.hangup')}</Tag>}
                    {s.tickets.map((x) => (
                      <Tag key={x.description} color="gold">
                        {t('ivr.ticket', { type: x.type })}
                      </Tag>
                    ))}
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/**
 * What the caller would hear (espeak-ng on the server). The link is signed for the PBX; the browser
 * fetches it from its own origin, which also works behind the dev proxy.
 */
function PromptAudio({ url, autoPlay }: { url: string; autoPlay: boolean }) {
  const { t } = useTranslation();
  const u = new URL(url, window.location.origin);
  return (
    <audio
      controls
      autoPlay={autoPlay}
      preload={autoPlay ? 'auto' : 'none'}
      src={`${u.pathname}${u.search}`}
      title={t('ivrAudio.play')}
      data-testid="ivr-audio"
      style={{ display: 'block', height: 32, marginTop: 4 }}
    >
      <track kind="captions" />
    </audio>
  );
}
