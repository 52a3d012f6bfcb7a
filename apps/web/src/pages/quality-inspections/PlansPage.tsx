import { PlusOutlined } from '@ant-design/icons';
import { PLAN_RECURRENCES } from '@guanjia/shared';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { usePlans, useQualityWrite, useSheets } from './hooks';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** 检查计划: who inspects which sheet when; recurring plans yield one inspection per day due. */
export default function PlansPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const plans = usePlans(projectId);
  const sheets = useSheets(projectId);
  const names = useStaffNames();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const toggle = useQualityWrite((v: { id: number; version: number; active: boolean }) =>
    api.patch(`/api/inspection-plans/${v.id}`, { version: v.version, active: v.active }),
  );
  const create = useQualityWrite((v: Record<string, unknown>) =>
    api.post('/api/inspection-plans', { ...v, projectId }),
  );
  return (
    <>
      <PageHeader
        title={t('qi.plans.title')}
        subTitle={t('qi.plans.subtitle')}
        extra={
          can('quality.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('qi.plans.add')}
            </Button>
          )
        }
      />
      <Table
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('qi.plans.name'), dataIndex: 'title' },
          {
            title: t('qi.plans.sheet'),
            dataIndex: 'sheetCode',
            render: (c: string) => sheets.data?.items.find((s) => s.code === c)?.name ?? c,
          },
          { title: t('qi.plans.inspector'), dataIndex: 'inspectorName', width: 100 },
          {
            title: t('qi.plans.recurrence'),
            width: 140,
            render: (_, p) => (
              <Tag>
                {t(`qi.recurrence.${p.recurrence}`)}
                {p.weekday ? ` 周${WEEKDAYS[p.weekday - 1]}` : ''} {p.time}
              </Tag>
            ),
          },
          { title: t('qi.plans.startsOn'), dataIndex: 'startsOn', width: 110 },
          {
            title: t('qi.plans.active'),
            width: 80,
            render: (_, p) => (
              <Switch
                checked={p.active}
                disabled={!can('quality.manage')}
                onChange={(active) => toggle.mutate({ id: p.id, version: p.version, active })}
              />
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('qi.plans.add')}
        onCancel={() => setCreating(false)}
        onOk={() =>
          form.validateFields().then(
            (v) =>
              create.mutate(v, {
                onSuccess: () => {
                  setCreating(false);
                  void message.success(t('qi.plans.created'));
                },
                onError: (e) => void message.error(e.message),
              }),
            () => undefined,
          )
        }
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            recurrence: 'workdays',
            time: '08:55',
            startsOn: new Date().toISOString().slice(0, 10),
          }}
        >
          <Form.Item name="title" label={t('qi.plans.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="sheetCode" label={t('qi.plans.sheet')} rules={[{ required: true }]}>
            <Select options={(sheets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
          <Form.Item name="inspectorId" label={t('qi.plans.inspector')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={[...(names.data ?? new Map<number, string>())].map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
          <Form.Item name="recurrence" label={t('qi.plans.recurrence')}>
            <Select options={PLAN_RECURRENCES.map((r) => ({ value: r, label: t(`qi.recurrence.${r}`) }))} />
          </Form.Item>
          <Form.Item name="weekday" label={t('qi.plans.weekday')}>
            <Select allowClear options={WEEKDAYS.map((w, i) => ({ value: i + 1, label: `周${w}` }))} />
          </Form.Item>
          <Form.Item
            name="time"
            label={t('qi.plans.time')}
            rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/ }]}
          >
            <Input placeholder="08:55" />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label={t('qi.plans.startsOn')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-12-01" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
