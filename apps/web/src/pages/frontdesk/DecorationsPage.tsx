import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { DECORATION_STATES, type Decoration, type DecorationAction } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from './shared';

type Row = Omit<Decoration, 'workers' | 'inspections'>;

/** 装修管理 (W-14): the cases of the project; the drawer walks one from application to refund. */
export default function DecorationsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [state, setState] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['decorations', projectId, state, page],
    queryFn: () =>
      api.get<{ items: Row[]; total: number }>('/api/decorations', {
        projectId: projectId ?? undefined,
        state,
        page,
        pageSize: 20,
      }),
    enabled: Boolean(projectId),
  });
  return (
    <div>
      <PageHeader
        title={t('fds.dec.title')}
        subTitle={t('fds.dec.subtitle')}
        extra={
          can('decoration.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="dec-add"
            >
              {t('fds.dec.add')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('fds.state')}
            value={state}
            onChange={(v?: string) => {
              setState(v);
              setPage(1);
            }}
            options={DECORATION_STATES.map((s) => ({ value: s, label: t(`fds.dec.states.${s}`) }))}
          />
          <ExportButton
            path="/api/decorations/export.xlsx"
            query={{ projectId: projectId ?? undefined, state }}
          />
        </Space>
        <Table<Row>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('fds.dec.number'), dataIndex: 'number' },
            { title: t('fds.unit'), dataIndex: 'unitLabel' },
            { title: t('fds.dec.applicant'), dataIndex: 'applicantName' },
            { title: t('fds.dec.company'), dataIndex: 'company' },
            {
              title: t('fds.dec.period'),
              key: 'p',
              render: (_: unknown, d) => `${d.startsOn} ~ ${d.endsOn}`,
            },
            {
              title: t('fds.state'),
              dataIndex: 'state',
              render: (s: string) => <Tag>{t(`fds.dec.states.${s}`)}</Tag>,
            },
          ]}
        />
      </Card>
      {openId && <DecorationDrawer id={openId} onClose={() => setOpenId(null)} />}
      {adding && <ApplyModal onClose={() => setAdding(false)} />}
    </div>
  );
}

function ApplyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown> & { period: [Dayjs, Dayjs]; workerNames?: string }) =>
      api.post('/api/decorations', {
        unitId: v.unitId,
        applicantName: v.applicantName,
        applicantPhone: v.applicantPhone,
        company: v.company ?? '',
        foreman: v.foreman ?? '',
        scope: v.scope,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        workers: (v.workerNames ?? '')
          .split(/[,，、\s]+/)
          .filter(Boolean)
          .map((name) => ({ name })),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['decorations'] });
      onClose();
    },
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open
      title={t('fds.dec.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="unitId" label={t('fds.unit')} rules={[{ required: true }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="applicantName" label={t('fds.dec.applicant')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="applicantPhone" label={t('fds.dec.phone')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="company" label={t('fds.dec.company')}>
          <Input />
        </Form.Item>
        <Form.Item name="foreman" label={t('fds.dec.foreman')}>
          <Input />
        </Form.Item>
        <Form.Item name="scope" label={t('fds.dec.scope')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="period" label={t('fds.dec.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="workerNames" label={t('fds.dec.workers')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecorationDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const qc = useQueryClient();
  const { can } = useAuth();
  const d = useQuery({
    queryKey: ['decoration', id],
    queryFn: () => api.get<Decoration>(`/api/decorations/${id}`),
  });
  const run = useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) =>
      api.post(`/api/decorations/${id}/${path}`, { ...body, version: d.data?.version }),
    onSuccess: () => {
      void message.success(t('fds.saved'));
      void qc.invalidateQueries({ queryKey: ['decoration', id] });
      void qc.invalidateQueries({ queryKey: ['decorations'] });
    },
    onError: (e) => onError(e),
  });
  const inspect = useMutation({
    mutationFn: ({ inspectionId, title }: { inspectionId: number; title?: string }) =>
      api.post(`/api/decorations/${id}/inspections/${inspectionId}`, {
        ok: !title,
        findings: title ? [{ title }] : [],
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['decoration', id] }),
    onError: (e) => onError(e),
  });
  const x = d.data;
  const manage = can('decoration.manage');
  return (
    <Drawer open width={720} onClose={onClose} title={x ? `${x.number} · ${x.unitLabel}` : ''}>
      {x && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('fds.state')}>{t(`fds.dec.states.${x.state}`)}</Descriptions.Item>
            <Descriptions.Item label={t('fds.dec.period')}>{`${x.startsOn} ~ ${x.endsOn}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('fds.dec.applicant')}
            >{`${x.applicantName} ${x.applicantPhone}`}</Descriptions.Item>
            <Descriptions.Item label={t('fds.dec.company')}>{x.company || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fds.dec.scope')} span={2}>
              {x.scope}
            </Descriptions.Item>
            <Descriptions.Item label={t('fds.dec.deposit')}>
              {`¥${(x.depositFen / 100).toFixed(2)}`} {x.depositPaidAt ? '✓' : ''}{' '}
              {x.depositRefundedAt ? '↩' : ''}
              {x.depositBillId && <Link to={`/billing/bills?bill=${x.depositBillId}`}>{t('fds.bill')}</Link>}
            </Descriptions.Item>
            <Descriptions.Item label={t('fds.dec.agreement')}>{x.agreementSignedBy ?? '—'}</Descriptions.Item>
          </Descriptions>
          {manage && (
            <Space wrap>
              {!x.agreementSignedAt && (
                <Button
                  onClick={() => run.mutate({ path: 'agreement', body: { signedBy: x.applicantName } })}
                >
                  {t('fds.dec.agreement')}
                </Button>
              )}
              {!x.depositPaidAt && (
                <Button
                  onClick={() =>
                    run.mutate({ path: 'deposit', body: { amountFen: x.depositFen, method: 'wechat' } })
                  }
                >
                  {t('fds.dec.recordDeposit')}
                </Button>
              )}
              {!x.seepagePassed && ['applied', 'approved'].includes(x.state) && (
                <Button
                  onClick={() =>
                    run.mutate({ path: 'seepage-test', body: { passed: true, ownerSigned: true } })
                  }
                >
                  {t('fds.dec.seepage')}
                </Button>
              )}
              {x.state === 'acceptance' && !x.waterTestStartedAt && (
                <Button onClick={() => run.mutate({ path: 'water-test/start', body: {} })}>
                  {t('fds.dec.waterStart')}
                </Button>
              )}
              {x.state === 'acceptance' && x.waterTestStartedAt && !x.waterTestEndedAt && (
                <>
                  <Button onClick={() => run.mutate({ path: 'water-test/end', body: { result: 'pass' } })}>
                    {t('fds.dec.waterEnd')}
                  </Button>
                  <Button
                    danger
                    onClick={() => run.mutate({ path: 'water-test/end', body: { result: 'fail' } })}
                  >
                    {t('fds.dec.waterFail')}
                  </Button>
                </>
              )}
              {x.actions.map((a: DecorationAction) => (
                <Button
                  key={a}
                  type={a === 'reject' || a === 'cancel' ? 'default' : 'primary'}
                  onClick={() => run.mutate({ path: 'actions', body: { action: a } })}
                >
                  {t(`fds.dec.actionLabels.${a}`)}
                </Button>
              ))}
              <Button icon={<FilePdfOutlined />} href={`/api/decorations/${x.id}/permit.pdf`} target="_blank">
                {t('fds.dec.permit')}
              </Button>
            </Space>
          )}
          <Card size="small" title={t('fds.dec.workers')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={x.workers}
              columns={[
                { title: t('fds.dec.workerName'), dataIndex: 'name' },
                { title: t('fds.dec.trade'), dataIndex: 'trade' },
                {
                  title: t('fds.dec.pass'),
                  dataIndex: 'passCode',
                  render: (v: string, w) => (w.revoked ? <Tag>×</Tag> : <code>{v}</code>),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('fds.dec.inspections')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={x.inspections}
              columns={[
                { title: t('fds.bk.time'), dataIndex: 'day' },
                {
                  title: t('fds.state'),
                  dataIndex: 'state',
                  render: (s: string) => t(`fds.dec.inspectionStates.${s}`),
                },
                {
                  title: t('fds.actions'),
                  key: 'a',
                  render: (_: unknown, i) =>
                    i.state === 'open' ? (
                      <Space>
                        <Button size="small" onClick={() => inspect.mutate({ inspectionId: i.id })}>
                          {t('fds.dec.inspectOk')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => {
                            const title = window.prompt(t('fds.dec.issueTitle'));
                            if (title) inspect.mutate({ inspectionId: i.id, title });
                          }}
                        >
                          {t('fds.dec.inspectIssue')}
                        </Button>
                      </Space>
                    ) : (
                      i.rectificationIds.map((r) => <Tag key={r}>#{r}</Tag>)
                    ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
