import { DUTY_ROLES, type DutyRole, type DutyShift } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Modal, Select, Table, Tag, TimePicker, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useRoster } from './hooks';

interface Values {
  role: DutyRole;
  userId: number;
  date: Dayjs;
  from: Dayjs;
  to: Dayjs;
}

/** 值班表: two weeks as a grid of duty role × day; a shift ending at or before its start runs overnight. */
export default function RosterPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const staff = useStaffNames();
  const [start, setStart] = useState(() => dayjs().startOf('day'));
  const days = Array.from({ length: 14 }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'));
  const roster = useRoster(projectId, days[0]!, days[13]!);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['duty-roster'] });
  const add = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/duty-roster', {
        projectId,
        role: v.role,
        userId: v.userId,
        date: v.date.format('YYYY-MM-DD'),
        startTime: v.from.format('HH:mm'),
        endTime: v.to.format('HH:mm'),
      }),
    onSuccess: () => {
      setAdding(false);
      form.resetFields();
      void refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/duty-roster/${id}`),
    onSuccess: () => void refresh(),
    onError: (error) => onError(error),
  });
  const shifts = roster.data?.items ?? [];
  const cell = (role: DutyRole, date: string) =>
    shifts
      .filter((s) => s.role === role && s.date === date)
      .map((s: DutyShift) => (
        <Tooltip
          key={s.id}
          title={`${s.startTime}–${s.endTime}${s.endTime <= s.startTime ? ` (${t('emergencies.roster.overnight')})` : ''}`}
        >
          <Tag
            closable={can('emergencies.manage')}
            onClose={(ev) => {
              ev.preventDefault();
              remove.mutate(s.id);
            }}
            style={{ marginBottom: 2 }}
          >
            {s.userName} {s.startTime}
          </Tag>
        </Tooltip>
      ));

  return (
    <>
      <PageHeader
        title={t('emergencies.roster.title')}
        subTitle={t('emergencies.roster.subtitle')}
        extra={
          <>
            <DatePicker value={start} onChange={(d) => d && setStart(d.startOf('day'))} allowClear={false} />
            {can('emergencies.manage') && (
              <Button type="primary" onClick={() => setAdding(true)} data-testid="roster-add">
                {t('emergencies.roster.add')}
              </Button>
            )}
          </>
        }
      />
      <Table
        rowKey="role"
        size="small"
        bordered
        loading={roster.isLoading}
        scroll={{ x: 1600 }}
        pagination={false}
        dataSource={DUTY_ROLES.map((role) => ({ role }))}
        columns={[
          { title: '', fixed: 'left', width: 120, render: (_, r) => t(`emergencies.roles.${r.role}`) },
          ...days.map((d) => ({
            title: dayjs(d).format('M/D ddd'),
            key: d,
            width: 110,
            render: (_: unknown, r: { role: DutyRole }) => cell(r.role, d),
          })),
        ]}
      />
      <Modal
        open={adding}
        title={t('emergencies.roster.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => add.mutate(v)}
          initialValues={{ date: start, from: dayjs('08:00', 'HH:mm'), to: dayjs('20:00', 'HH:mm') }}
        >
          <Form.Item name="role" label={t('emergencies.detail.role')} rules={[{ required: true }]}>
            <Select options={DUTY_ROLES.map((r) => ({ value: r, label: t(`emergencies.roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="userId" label={t('emergencies.roster.person')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={[...(staff.data ?? new Map<number, string>())].map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('emergencies.roster.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="from" label={t('emergencies.roster.from')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={15} />
          </Form.Item>
          <Form.Item name="to" label={t('emergencies.roster.to')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={15} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
