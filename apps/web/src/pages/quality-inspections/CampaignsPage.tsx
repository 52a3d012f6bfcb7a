import { PlusOutlined } from '@ant-design/icons';
import type { QualityCampaign } from '@guanjia/shared/api';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useDepartments } from '../complaints/HandlingDialogs';
import { useCampaignResults, useCampaigns, useQualityWrite, yuan } from './hooks';

const bandColor: Record<string, string> = { fail: 'red', good: 'blue', excellent: 'green' };

/** 品质提升专项 (W-21): phases and milestones, acceptance scores per department, the rewards table. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const list = useCampaigns(projectId);
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const c = list.data?.items.find((x) => x.id === selected) ?? list.data?.items[0];
  const results = useCampaignResults(c?.id ?? null);
  const score = useQualityWrite((v: { departmentId: number; score: number }) =>
    api.post(`/api/quality-campaigns/${c?.id}/scores`, v),
  );
  return (
    <>
      <PageHeader
        title={t('qi.campaigns.title')}
        subTitle={t('qi.campaigns.subtitle')}
        extra={
          can('quality.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('qi.campaigns.add')}
            </Button>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <List
            bordered
            dataSource={list.data?.items ?? []}
            renderItem={(x) => (
              <List.Item
                onClick={() => setSelected(x.id)}
                style={{ cursor: 'pointer', background: x.id === c?.id ? '#e6f4ff' : undefined }}
              >
                {x.title}
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} lg={18}>
          {c && (
            <>
              <Card title={t('qi.campaigns.phases')} size="small" style={{ marginBottom: 16 }}>
                <Steps
                  direction="vertical"
                  size="small"
                  items={c.phases.map((p) => ({
                    title: p.title,
                    description: (
                      <ul style={{ paddingLeft: 16, margin: 0 }}>
                        {p.milestones.map((m) => (
                          <li key={m.title}>
                            {m.due} · {m.title} {m.done && <Tag color="green">✓</Tag>}
                          </li>
                        ))}
                      </ul>
                    ),
                  }))}
                />
              </Card>
              <Card
                title={t('qi.campaigns.results')}
                size="small"
                extra={
                  <ExportButton path={`/api/quality-campaigns/${c.id}/results`} query={{ format: 'xlsx' }} />
                }
              >
                <Table
                  rowKey="departmentId"
                  size="small"
                  pagination={false}
                  dataSource={results.data?.rows ?? []}
                  data-testid="campaign-results"
                  columns={[
                    { title: t('qi.campaigns.units'), dataIndex: 'departmentName' },
                    {
                      title: t('qi.campaigns.score'),
                      dataIndex: 'score',
                      width: 140,
                      render: (v: number | null, r) =>
                        can('quality.manage') ? (
                          <InputNumber
                            min={0}
                            max={100}
                            defaultValue={v ?? undefined}
                            onBlur={(e) => {
                              const n = Number(e.target.value);
                              if (e.target.value !== '' && n !== v)
                                score.mutate(
                                  { departmentId: r.departmentId, score: n },
                                  { onError: (err) => void message.error(err.message) },
                                );
                            }}
                          />
                        ) : (
                          v
                        ),
                    },
                    {
                      title: '',
                      dataIndex: 'band',
                      width: 80,
                      render: (b: string | null) => b && <Tag color={bandColor[b]}>{t(`qi.band.${b}`)}</Tag>,
                    },
                    {
                      title: t('qi.campaigns.amount'),
                      render: (_, r) => (
                        <Space wrap>
                          {r.people.map((p) => (
                            <span key={p.role}>
                              {t(`qi.role.${p.role}`)} {p.name ?? '—'}: {yuan(p.amount)}
                            </span>
                          ))}
                        </Space>
                      ),
                    },
                    {
                      title: t('qi.campaigns.teamAward'),
                      dataIndex: 'teamAward',
                      width: 100,
                      render: (v: number) => yuan(v),
                    },
                  ]}
                />
                {results.data && (
                  <Typography.Paragraph style={{ marginTop: 8 }}>
                    {t('qi.campaigns.totals', {
                      r: yuan(results.data.totals.rewards),
                      p: yuan(results.data.totals.penalties),
                      t: yuan(results.data.totals.teamAwards),
                    })}
                  </Typography.Paragraph>
                )}
              </Card>
            </>
          )}
        </Col>
      </Row>
      {creating && projectId && (
        <CreateCampaign
          projectId={projectId}
          onClose={() => setCreating(false)}
          onCreated={(x) => setSelected(x.id)}
        />
      )}
    </>
  );
}

function CreateCampaign({
  projectId,
  onClose,
  onCreated,
}: {
  projectId: number;
  onClose: () => void;
  onCreated: (c: QualityCampaign) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments(projectId);
  const [form] = Form.useForm<{ title: string; year: number; departmentIds: number[] }>();
  const create = useQualityWrite((v: { title: string; year: number; departmentIds: number[] }) =>
    api.post<QualityCampaign>('/api/quality-campaigns', {
      projectId,
      title: v.title,
      year: v.year,
      units: (v.departmentIds ?? []).map((departmentId) => {
        const d = departments.data?.items.find((x) => x.id === departmentId);
        return { departmentId, managerId: d?.leaderId ?? undefined };
      }),
    }),
  );
  return (
    <Modal
      open
      title={t('qi.campaigns.add')}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(
          (v) =>
            create.mutate(v, {
              onSuccess: (c) => {
                onCreated(c);
                onClose();
              },
              onError: (e) => void message.error(e.message),
            }),
          () => undefined,
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item name="title" label={t('qi.campaigns.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t('qi.campaigns.year')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('qi.campaigns.units')}>
          <Select
            mode="multiple"
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
