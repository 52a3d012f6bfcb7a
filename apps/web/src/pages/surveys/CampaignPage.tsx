import type { Page, SurveyCampaign, SurveyForm, SurveyResults } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Modal, Row, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { formatRatio } from '../../format';
import { EChart } from '../emergencies/EChart';
import { answersOf, SurveyFormFields } from './SurveyFormFields';

interface Invitation {
  id: number;
  unitId: number;
  unitLabel: string;
  contactName: string | null;
  contactPhone: string | null;
  answeredAt: string | null;
  channel: string | null;
  reminders: number;
}

/** One campaign: live results (Q81/Q82, per dimension, per zone), households, phone interview and paper entry. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [entry, setEntry] = useState<{ form: SurveyForm; channel: 'phone' | 'paper' } | null>(null);
  const [form] = Form.useForm();
  const campaign = useQuery({
    queryKey: ['survey-campaign', id],
    queryFn: () => api.get<SurveyCampaign>(`/api/survey-campaigns/${id}`),
  });
  const results = useQuery({
    queryKey: ['survey-results', id],
    queryFn: () => api.get<SurveyResults>(`/api/survey-campaigns/${id}/results`),
    refetchInterval: 30_000,
  });
  const invitations = useQuery({
    queryKey: ['survey-invitations', id, page],
    queryFn: () => api.get<Page<Invitation>>(`/api/survey-campaigns/${id}/invitations`, { page }),
  });
  const refresh = () =>
    void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('survey') });
  const openEntry = async (unitId: number, channel: 'phone' | 'paper') => {
    const f = await api.get<SurveyForm>(`/api/survey-campaigns/${id}/form`, { unitId });
    form.resetFields();
    setEntry({ form: f, channel });
  };
  const submit = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      api.post(`/api/survey-campaigns/${id}/responses`, {
        unitId: entry?.form.unitId,
        channel: entry?.channel,
        answers: answersOf(values),
      }),
    onSuccess: () => {
      void message.success(t('surveys.answered'));
      setEntry(null);
      refresh();
    },
  });
  const remind = useMutation({
    mutationFn: () => api.post(`/api/survey-campaigns/${id}/remind`, {}),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: () =>
      api.post<{ rectificationIds: number[] }>(`/api/survey-campaigns/${id}/close`, {
        version: campaign.data?.version,
      }),
    onSuccess: (r) => {
      void message.success(t('surveys.closedWith', { count: r.rectificationIds.length }));
      refresh();
    },
  });
  const r = results.data;
  const dims = useMemo(
    () =>
      r && {
        tooltip: {},
        grid: { left: 80 },
        xAxis: { type: 'value' as const, max: 100 },
        yAxis: { type: 'category' as const, data: r.byDimension.map((d) => d.dimension) },
        series: [
          {
            type: 'bar' as const,
            data: r.byDimension.map((d) => ({
              value: Math.round(d.satisfaction * 1000) / 10,
              itemStyle: { color: d.belowTarget ? '#cf1322' : '#3f8600' },
            })),
            markLine: { data: [{ xAxis: r.targets.satisfaction * 100 }] },
          },
        ],
      },
    [r],
  );
  const c = campaign.data;
  const writable = can('surveys.write') && c?.status === 'open';
  return (
    <>
      <PageHeader
        title={c?.name ?? ''}
        subTitle={c && `${c.startsOn} ~ ${c.endsOn}`}
        extra={
          <Space>
            <Button href={`/api/survey-campaigns/${id}/report.pdf`} target="_blank">
              {t('surveys.printReport')}
            </Button>
            {writable && <Button onClick={() => remind.mutate()}>{t('surveys.remind')}</Button>}
            {writable && (
              <Button
                danger
                onClick={() =>
                  Modal.confirm({ title: t('surveys.closeConfirm'), onOk: () => close.mutateAsync() })
                }
              >
                {t('surveys.close')}
              </Button>
            )}
          </Space>
        }
      />
      {r && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}>
            <Card size="small">
              <Statistic title={t('surveys.households')} value={r.households} />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small">
              <Statistic title={t('surveys.responded')} value={r.responded} data-testid="survey-responded" />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small">
              <Statistic
                title={`${t('surveys.coverage')}（≥${formatRatio(r.targets.coverage)}）`}
                value={formatRatio(r.coverage)}
                valueStyle={{ color: r.coverage >= r.targets.coverage ? '#3f8600' : '#cf1322' }}
              />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small">
              <Statistic
                title={`${t('surveys.satisfaction')}（≥${formatRatio(r.targets.satisfaction)}）`}
                value={formatRatio(r.satisfaction)}
                valueStyle={{ color: r.satisfaction >= r.targets.satisfaction ? '#3f8600' : '#cf1322' }}
              />
            </Card>
          </Col>
        </Row>
      )}
      <p style={{ color: '#888' }}>{t('surveys.formula')}</p>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Card size="small" title={t('surveys.byDimension')}>
            {dims && <EChart option={dims} height={240} />}
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('surveys.byZone')}>
            <Table
              size="small"
              rowKey={(z) => String(z.zoneId)}
              pagination={false}
              dataSource={r?.byZone ?? []}
              columns={[
                { title: '#', render: (_, __, i) => i + 1, width: 40 },
                { title: t('surveys.zone'), dataIndex: 'zoneName' },
                { title: t('surveys.coverage'), render: (_, z) => formatRatio(z.coverage) },
                { title: t('surveys.satisfaction'), render: (_, z) => formatRatio(z.satisfaction) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Table<Invitation>
        rowKey="id"
        loading={invitations.isLoading}
        dataSource={invitations.data?.items ?? []}
        pagination={{ current: page, total: invitations.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('surveys.unit'), dataIndex: 'unitLabel' },
          { title: t('surveys.contact'), render: (_, i) => `${i.contactName ?? ''} ${i.contactPhone ?? ''}` },
          {
            title: t('surveys.status'),
            render: (_, i) =>
              i.answeredAt ? (
                <Tag color="green">{t(`surveys.channel.${i.channel}`)}</Tag>
              ) : (
                <Tag>{t('surveys.notAnswered')}</Tag>
              ),
          },
          { title: t('surveys.reminders'), dataIndex: 'reminders', width: 80 },
          {
            title: '',
            render: (_, i) =>
              writable &&
              !i.answeredAt && (
                <Space>
                  <Button
                    size="small"
                    data-testid={`phone-${i.unitId}`}
                    onClick={() => void openEntry(i.unitId, 'phone')}
                  >
                    {t('surveys.phoneInterview')}
                  </Button>
                  <Button size="small" onClick={() => void openEntry(i.unitId, 'paper')}>
                    {t('surveys.paper')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={entry !== null}
        width={720}
        title={entry && `${entry.form.unitLabel} · ${t(`surveys.channel.${entry.channel}`)}`}
        onCancel={() => setEntry(null)}
        // A question left empty is marked on the form itself; there is nothing else to report.
        onOk={() =>
          form.validateFields().then(
            (v) => submit.mutate(v),
            () => undefined,
          )
        }
        okButtonProps={{ 'data-testid': 'survey-submit' } as Record<string, string>}
        confirmLoading={submit.isPending}
      >
        {entry?.channel === 'phone' && <p style={{ color: '#888' }}>{t('surveys.phoneScript')}</p>}
        <Form form={form} layout="vertical">
          {entry && <SurveyFormFields sections={entry.form.sections} />}
        </Form>
      </Modal>
    </>
  );
}
