import type { VisitSuggestion } from '@guanjia/shared/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';

/** The households due a visit next (long without contact, recent complaints, new move-ins), planned from here. */
export function Suggestions({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const names = useStaffNames();
  const [planning, setPlanning] = useState<VisitSuggestion | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['visit-suggestions', projectId],
    queryFn: () => api.get<{ items: VisitSuggestion[] }>('/api/visits/suggestions', { projectId }),
  });
  const plan = useMutation({
    mutationFn: (v: { purpose: string; plannedOn: Dayjs; visitorIds: number[]; enterHome?: boolean }) =>
      api.post('/api/visits', {
        projectId,
        unitId: planning?.unitId,
        purpose: v.purpose,
        plannedOn: v.plannedOn.format('YYYY-MM-DD'),
        visitorIds: v.visitorIds,
        enterHome: Boolean(v.enterHome),
      }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setPlanning(null);
      void list.refetch();
    },
  });
  return (
    <>
      <Table<VisitSuggestion>
        rowKey="unitId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('visits.unit'), dataIndex: 'unitLabel' },
          { title: t('visits.resident'), dataIndex: 'residentName' },
          {
            title: t('visits.lastContact'),
            dataIndex: 'lastContactAt',
            render: (v) => (v ? dayjs(v).format('YYYY-MM-DD') : t('visits.never')),
          },
          {
            title: t('visits.reasons'),
            render: (_, s) => s.reasons.map((r) => <Tag key={r}>{t(`visits.reason.${r}`)}</Tag>),
          },
          {
            title: '',
            render: (_, s) => (
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue({
                    purpose: '意见征询',
                    plannedOn: dayjs().add(1, 'day'),
                    visitorIds: user ? [user.id] : [],
                  });
                  setPlanning(s);
                }}
              >
                {t('visits.plan')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={planning !== null}
        title={planning?.unitLabel}
        onCancel={() => setPlanning(null)}
        onOk={() =>
          form.validateFields().then(
            (v) => plan.mutate(v),
            () => undefined,
          )
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="purpose" label={t('visits.purpose')}>
            <Select
              options={['报修回访', '投诉回访', '入住回访', '关怀', '意见征询', '活动邀请', '季节服务'].map(
                (p) => ({ value: p, label: p }),
              )}
            />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('visits.plannedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="visitorIds" label={t('visits.visitors')} extra={t('visits.twoVisitors')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={[...(names.data ?? new Map<number, string>())].map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
