import type { HomeVisit, Page } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';

/** 走访 to make and made: the list, the overdue filter and recording a visit’s result. */
export function VisitList({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [overdue, setOverdue] = useState(false);
  const [doing, setDoing] = useState<HomeVisit | null>(null);
  const [form] = Form.useForm();
  const query = { projectId, page, overdue: overdue ? 'true' : undefined };
  const list = useQuery({
    queryKey: ['visits', query],
    queryFn: () => api.get<Page<HomeVisit>>('/api/visits', query),
  });
  const record = useMutation({
    mutationFn: (v: { outcome: string; opinions?: string; followUp?: string }) =>
      api.post(`/api/visits/${doing?.id}/result`, {
        outcome: v.outcome,
        opinions: v.opinions || undefined,
        followUp: v.followUp ? { type: '建议', description: v.followUp } : undefined,
        version: doing?.version,
      }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setDoing(null);
      void qc.invalidateQueries({ queryKey: ['visits'] });
    },
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Radio.Group
          value={overdue}
          onChange={(e) => setOverdue(e.target.value)}
          optionType="button"
          options={[
            { value: false, label: t('visits.all') },
            { value: true, label: t('visits.overdue') },
          ]}
        />
        <ExportButton path="/api/visits/export.xlsx" query={query} />
      </Space>
      <Table<HomeVisit>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('visits.unit'), dataIndex: 'unitLabel' },
          { title: t('visits.purpose'), dataIndex: 'purpose' },
          { title: t('visits.plannedOn'), dataIndex: 'plannedOn' },
          {
            title: t('visits.dueOn'),
            dataIndex: 'dueOn',
            render: (v, r) => (r.overdue ? <Tag color="red">{v}</Tag> : v),
          },
          { title: t('visits.visitors'), render: (_, r) => r.visitorNames.join('、') || '—' },
          { title: t('visits.status'), dataIndex: 'status', render: (s) => t(`visits.statuses.${s}`) },
          {
            title: '',
            render: (_, r) =>
              ['planned', 'confirmed', 'absent'].includes(r.status) && (
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setDoing(r);
                  }}
                >
                  {t('visits.record')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={doing !== null}
        title={doing?.unitLabel}
        onCancel={() => setDoing(null)}
        onOk={() =>
          form.validateFields().then(
            (v) => record.mutate(v),
            () => undefined,
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={{ outcome: 'visited' }}>
          <Form.Item name="outcome" label={t('visits.outcome')}>
            <Radio.Group
              options={['visited', 'absent', 'refused'].map((o) => ({
                value: o,
                label: t(`visits.statuses.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="opinions" label={t('visits.opinions')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="followUp" label={t('visits.followUp')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
