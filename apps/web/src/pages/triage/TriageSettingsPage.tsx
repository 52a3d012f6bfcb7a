import type { triageOverviewSchema, urgentPhraseSchema } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  message,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

type Overview = z.infer<typeof triageOverviewSchema>;
type Phrase = z.infer<typeof urgentPhraseSchema>;

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** 智能分类 settings: model versions with their measured accuracy, retrain and roll back; urgent phrases. */
export default function TriageSettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiError();
  const [form] = Form.useForm<{ phrase: string; kind: Phrase['kind'] }>();
  const overview = useQuery({
    queryKey: ['triage', 'overview'],
    queryFn: () => api.get<Overview>('/api/triage/overview'),
  });
  const phrases = useQuery({
    queryKey: ['triage', 'phrases'],
    queryFn: () => api.get<Phrase[]>('/api/triage/phrases'),
  });
  const setOverview = (o: Overview) => queryClient.setQueryData(['triage', 'overview'], o);
  const retrain = useMutation({
    mutationFn: () => api.post<Overview>('/api/triage/models/retrain'),
    onSuccess: (o) => {
      setOverview(o);
      void message.success(t('triage.settings.retrained'));
    },
    onError: (e) => onError(e),
  });
  const activate = useMutation({
    mutationFn: (id: number) => api.post<Overview>(`/api/triage/models/${id}/activate`, {}),
    onSuccess: setOverview,
    onError: (e) => onError(e),
  });
  const refreshPhrases = () => queryClient.invalidateQueries({ queryKey: ['triage', 'phrases'] });
  const add = useMutation({
    mutationFn: (v: { phrase: string; kind: Phrase['kind'] }) => api.post('/api/triage/phrases', v),
    onSuccess: () => {
      form.resetFields();
      void refreshPhrases();
    },
    onError: (e) => onError(e, { form }),
  });
  const toggle = useMutation({
    mutationFn: (p: Phrase) =>
      api.patch(`/api/triage/phrases/${p.id}`, { version: p.version, active: !p.active }),
    onSuccess: refreshPhrases,
    onError: (e) => onError(e),
  });
  const live = overview.data?.live;
  return (
    <div data-testid="triage-settings">
      <Typography.Title level={4}>{t('triage.settings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('triage.settings.subtitle')}</Typography.Paragraph>
      <Card size="small" title={t('triage.settings.live')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={6}>
            <Statistic title={t('triage.settings.triaged')} value={live?.triaged ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('triage.settings.corrected')} value={live?.corrected ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('triage.settings.autoUrgent')} value={live?.autoUrgent ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic
              title={t('triage.settings.accepted')}
              value={live?.acceptedRate == null ? '—' : pct(live.acceptedRate)}
            />
          </Col>
        </Row>
      </Card>
      <Card
        size="small"
        title={t('triage.settings.models')}
        style={{ marginBottom: 16 }}
        extra={
          <Button
            type="primary"
            loading={retrain.isPending}
            onClick={() => retrain.mutate()}
            data-testid="triage-retrain"
          >
            {t('triage.settings.retrain')}
          </Button>
        }
      >
        <Table
          size="small"
          rowKey="id"
          loading={overview.isLoading}
          dataSource={overview.data?.models ?? []}
          pagination={false}
          columns={[
            { title: t('triage.settings.version'), dataIndex: 'version' },
            {
              title: t('triage.settings.kind'),
              dataIndex: 'kind',
              render: (k: 'base' | 'retrained') => t(`triage.settings.kinds.${k}`),
            },
            { title: t('triage.settings.engine'), dataIndex: 'engine' },
            { title: t('triage.settings.trainingTexts'), dataIndex: 'trainingTexts' },
            { title: t('triage.settings.correctedTickets'), dataIndex: 'correctedTickets' },
            { title: t('triage.settings.top1'), render: (_, m) => pct(m.metrics?.top1) },
            { title: t('triage.settings.top3'), render: (_, m) => pct(m.metrics?.top3) },
            {
              title: t('triage.settings.urgentRecall'),
              render: (_, m) => m.metrics?.urgentRecall.toFixed(3) ?? '—',
            },
            {
              title: t('triage.settings.urgentPrecision'),
              render: (_, m) => m.metrics?.urgentPrecision.toFixed(3) ?? '—',
            },
            {
              title: t('triage.settings.trainedAt'),
              dataIndex: 'createdAt',
              render: (v: string) => new Date(v).toLocaleString(),
            },
            {
              key: 'active',
              render: (_, m) =>
                m.active ? (
                  <Tag color="green">{t('triage.settings.active')}</Tag>
                ) : (
                  <Button size="small" onClick={() => activate.mutate(m.id)}>
                    {t('triage.settings.activate')}
                  </Button>
                ),
            },
          ]}
        />
        <Typography.Text type="secondary">{t('triage.settings.metricsNote')}</Typography.Text>
      </Card>
      <Card size="small" title={t('triage.settings.phrases')}>
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => add.mutate(v)}
          initialValues={{ kind: 'life' }}
          style={{ marginBottom: 12 }}
        >
          <Form.Item
            name="phrase"
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input placeholder={t('triage.settings.phrase')} maxLength={30} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 120 }}
              options={(['life', 'property'] as const).map((k) => ({
                value: k,
                label: t(`triage.settings.phraseKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('triage.settings.addPhrase')}
          </Button>
        </Form>
        <Space wrap>
          {(phrases.data ?? []).map((p) => (
            <Tag
              key={p.id}
              color={p.kind === 'life' ? 'red' : 'orange'}
              style={{ opacity: p.active ? 1 : 0.4 }}
            >
              {p.phrase}{' '}
              <Switch
                size="small"
                checked={p.active}
                onChange={() => toggle.mutate(p)}
                aria-label={t('triage.settings.enabled')}
              />
            </Tag>
          ))}
        </Space>
      </Card>
    </div>
  );
}
