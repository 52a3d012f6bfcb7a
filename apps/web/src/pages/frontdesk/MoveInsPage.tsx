import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { MOVE_IN_STEPS, type MoveIn } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from './shared';

type Row = Omit<MoveIn, 'defects'> & { openDefects: number };

/** 入住办理 (W-13): one checklist per unit; defects become 整改单 and are answered per Q41. */
export default function MoveInsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['move-ins', projectId, page],
    queryFn: () =>
      api.get<{ items: Row[]; total: number }>('/api/move-ins', {
        projectId: projectId ?? undefined,
        page,
        pageSize: 20,
      }),
    enabled: Boolean(projectId),
  });
  return (
    <div>
      <PageHeader
        title={t('fds.mi.title')}
        subTitle={t('fds.mi.subtitle')}
        extra={
          can('desk.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('fds.mi.add')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <ExportButton path="/api/move-ins/export.xlsx" query={{ projectId: projectId ?? undefined }} />
        </Space>
        <Table<Row>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('fds.unit'), dataIndex: 'unitLabel' },
            { title: t('fds.mi.owner'), dataIndex: 'ownerName' },
            { title: t('fds.mi.delegate'), dataIndex: 'delegateName' },
            {
              title: t('fds.mi.done'),
              key: 's',
              render: (_: unknown, m) => `${Object.keys(m.steps).length}/${MOVE_IN_STEPS.length}`,
            },
            { title: t('fds.mi.openDefects'), dataIndex: 'openDefects' },
            {
              title: t('fds.state'),
              dataIndex: 'state',
              render: (s: string) => <Tag>{t(`fds.mi.states.${s}`)}</Tag>,
            },
          ]}
        />
      </Card>
      {openId && <MoveInDrawer id={openId} onClose={() => setOpenId(null)} />}
      {adding && <OpenModal onClose={() => setAdding(false)} />}
    </div>
  );
}

function OpenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { unitId: number; ownerName: string; ownerPhone: string; delegateName?: string }) =>
      api.post('/api/move-ins', { ...v, delegateName: v.delegateName ?? '' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['move-ins'] });
      onClose();
    },
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open
      title={t('fds.mi.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="unitId" label={t('fds.unit')} rules={[{ required: true }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="ownerName" label={t('fds.mi.owner')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="ownerPhone" label={t('fds.dec.phone')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="delegateName" label={t('fds.mi.delegate')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveInDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const onError = useApiError();
  const qc = useQueryClient();
  const [items, setItems] = useState<Record<string, string>>({});
  const [defect, setDefect] = useState({ location: '', description: '', fixDays: 3 });
  const m = useQuery({ queryKey: ['move-in', id], queryFn: () => api.get<MoveIn>(`/api/move-ins/${id}`) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['move-in', id] });
    void qc.invalidateQueries({ queryKey: ['move-ins'] });
  };
  const step = useMutation({
    mutationFn: (s: string) =>
      api.post(`/api/move-ins/${id}/steps`, {
        step: s,
        items: (items[s] ?? '')
          .split(/[,，、]+/)
          .map((x) => x.trim())
          .filter(Boolean),
        version: m.data?.version,
      }),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  const addDefect = useMutation({
    mutationFn: () => api.post(`/api/move-ins/${id}/defects`, defect),
    onSuccess: () => {
      setDefect({ location: '', description: '', fixDays: 3 });
      refresh();
    },
    onError: (e) => onError(e),
  });
  const complete = useMutation({
    mutationFn: () => api.post(`/api/move-ins/${id}/complete`, { version: m.data?.version }),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  const x = m.data;
  return (
    <Drawer open width={720} onClose={onClose} title={x ? `${x.unitLabel} · ${x.ownerName}` : ''}>
      {x && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card size="small" title={t(`fds.mi.states.${x.state}`)}>
            {MOVE_IN_STEPS.map((s) => (
              <Space key={s} style={{ display: 'flex', marginBottom: 8 }}>
                <span style={{ width: 90, display: 'inline-block' }}>{t(`fds.mi.steps.${s}`)}</span>
                {x.steps[s] ? (
                  <Tag color="green">
                    ✓{' '}
                    {[...x.steps[s].items, ...x.steps[s].readings.map((r) => `${r.meter} ${r.reading}`)].join(
                      '、',
                    )}
                  </Tag>
                ) : (
                  x.state === 'open' && (
                    <>
                      <Input
                        size="small"
                        style={{ width: 260 }}
                        placeholder={t('fds.mi.items')}
                        value={items[s] ?? ''}
                        onChange={(e) => setItems({ ...items, [s]: e.target.value })}
                      />
                      <Button size="small" onClick={() => step.mutate(s)}>
                        {t('fds.mi.done')}
                      </Button>
                    </>
                  )
                )}
              </Space>
            ))}
            <Space>
              {x.state === 'open' && (
                <Button type="primary" onClick={() => complete.mutate()}>
                  {t('fds.mi.complete')}
                </Button>
              )}
              <Button
                icon={<FilePdfOutlined />}
                href={`/api/move-ins/${x.id}/key-receipt.pdf`}
                target="_blank"
              >
                {t('fds.mi.keyReceipt')}
              </Button>
            </Space>
          </Card>
          <Card size="small" title={t('fds.mi.defects')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={x.defects}
              columns={[
                { title: t('fds.mi.location'), dataIndex: 'location' },
                { title: t('fds.mi.description'), dataIndex: 'description' },
                { title: t('fds.state'), dataIndex: 'rectificationState' },
                { title: t('fds.mi.long'), dataIndex: 'long', render: (v: boolean) => (v ? '✓' : '') },
                {
                  title: t('fds.mi.replied'),
                  dataIndex: 'repliedAt',
                  render: (v: string | null) => (v ? '✓' : ''),
                },
              ]}
            />
            {x.state !== 'cancelled' && (
              <Space style={{ marginTop: 8 }}>
                <Input
                  placeholder={t('fds.mi.location')}
                  value={defect.location}
                  onChange={(e) => setDefect({ ...defect, location: e.target.value })}
                />
                <Input
                  placeholder={t('fds.mi.description')}
                  value={defect.description}
                  onChange={(e) => setDefect({ ...defect, description: e.target.value })}
                />
                <InputNumber
                  min={1}
                  max={180}
                  value={defect.fixDays}
                  onChange={(v) => setDefect({ ...defect, fixDays: v ?? 3 })}
                />
                <Button onClick={() => addDefect.mutate()} disabled={!defect.location || !defect.description}>
                  {t('fds.mi.addDefect')}
                </Button>
              </Space>
            )}
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
