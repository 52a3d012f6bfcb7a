import type { Page, SurveyCampaign, SurveyReport, SurveyTemplate } from '@guanjia/shared/api';
import { SURVEY_CHANNELS } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { EChart } from '../emergencies/EChart';

const pct = (x: number) => Math.round(x * 1000) / 10;

/** 满意度调查: campaigns with their two rates against the targets, the trend (R07) and a new campaign. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const campaigns = useQuery({
    queryKey: ['survey-campaigns', projectId, page],
    queryFn: () =>
      api.get<Page<SurveyCampaign>>('/api/survey-campaigns', { projectId: projectId ?? undefined, page }),
    enabled: Boolean(projectId),
  });
  const report = useQuery({
    queryKey: ['survey-report', projectId],
    queryFn: () => api.get<SurveyReport>('/api/reports/surveys', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });
  const templates = useQuery({
    queryKey: ['survey-templates', projectId],
    queryFn: () =>
      api.get<{ items: SurveyTemplate[] }>('/api/survey-templates', { projectId: projectId ?? undefined }),
    enabled: open,
  });
  const standard = useMutation({
    mutationFn: () => api.post<SurveyTemplate>('/api/survey-templates/standard', {}),
    onSuccess: (tpl) => {
      void qc.invalidateQueries({ queryKey: ['survey-templates'] });
      form.setFieldValue('templateId', tpl.id);
    },
  });
  const create = useMutation({
    mutationFn: (v: {
      templateId: number;
      name: string;
      period: [Dayjs, Dayjs];
      channels: string[];
      sendSms: boolean;
    }) =>
      api.post<SurveyCampaign>('/api/survey-campaigns', {
        projectId,
        templateId: v.templateId,
        name: v.name,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        channels: v.channels,
        sendSms: v.sendSms,
      }),
    onSuccess: (c) => {
      void message.success(t('common.saved'));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['survey-campaigns'] });
      void navigate(`/surveys/${c.id}`);
    },
  });
  const r = report.data;
  const trend = useMemo(
    () =>
      r && {
        tooltip: { trigger: 'axis' as const },
        legend: {},
        xAxis: { type: 'category' as const, data: r.campaigns.map((c) => c.name) },
        yAxis: { type: 'value' as const, max: 100 },
        series: [
          {
            name: t('surveys.satisfaction'),
            type: 'line' as const,
            data: r.campaigns.map((c) => pct(c.satisfaction)),
            markLine: { data: [{ yAxis: pct(r.targets.satisfaction) }] },
          },
          {
            name: t('surveys.coverage'),
            type: 'line' as const,
            data: r.campaigns.map((c) => pct(c.coverage)),
            markLine: { data: [{ yAxis: pct(r.targets.coverage) }] },
          },
        ],
      },
    [r, t],
  );
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        subTitle={t('surveys.subtitle')}
        extra={
          <Space>
            <ExportButton
              path="/api/reports/surveys/export.xlsx"
              query={{ projectId: projectId ?? undefined }}
            />
            {can('surveys.write') && (
              <Button
                type="primary"
                data-testid="survey-new"
                onClick={() => {
                  form.setFieldsValue({
                    name: `${dayjs().year()}年${dayjs().month() < 6 ? '上' : '下'}半年物业服务满意度调查`,
                    period: [dayjs(), dayjs().add(30, 'day')],
                    channels: [...SURVEY_CHANNELS],
                    sendSms: true,
                  });
                  setOpen(true);
                }}
              >
                {t('surveys.create')}
              </Button>
            )}
          </Space>
        }
      />
      {trend && r && r.campaigns.length > 0 && (
        <Card title={t('surveys.trend')} size="small" style={{ marginBottom: 16 }}>
          <EChart option={trend} height={240} testId="survey-trend" />
        </Card>
      )}
      <Table<SurveyCampaign>
        rowKey="id"
        loading={campaigns.isLoading}
        dataSource={campaigns.data?.items ?? []}
        pagination={{ current: page, total: campaigns.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('surveys.name'),
            dataIndex: 'name',
            render: (v, c) => <Link to={`/surveys/${c.id}`}>{v}</Link>,
          },
          { title: t('surveys.period'), render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
          {
            title: t('surveys.status'),
            dataIndex: 'status',
            render: (s) => <Tag color={s === 'open' ? 'green' : 'default'}>{t(`surveys.statuses.${s}`)}</Tag>,
          },
          { title: t('surveys.households'), dataIndex: 'households' },
          {
            title: t('surveys.coverage'),
            render: (_, c) => (
              <Progress percent={pct(c.households ? c.responded / c.households : 0)} size="small" />
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('surveys.create')}
        onCancel={() => setOpen(false)}
        onOk={() =>
          form.validateFields().then(
            (v) => create.mutate(v),
            () => undefined,
          )
        }
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item label={t('surveys.template')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="templateId" noStyle rules={[{ required: true }]}>
                <Select
                  data-testid="survey-template"
                  options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                />
              </Form.Item>
              <Button onClick={() => standard.mutate()}>{t('surveys.standard')}</Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="name" label={t('surveys.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="period" label={t('surveys.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="channels" label={t('surveys.channels')}>
            <Checkbox.Group
              options={SURVEY_CHANNELS.map((c) => ({ value: c, label: t(`surveys.channel.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="sendSms" valuePropName="checked">
            <Checkbox>{t('surveys.sendSms')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
