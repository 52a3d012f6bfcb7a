import { PlusOutlined } from '@ant-design/icons';
import type { DeskEntry } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import {
  fmt,
  RegisterFilters,
  StatusTag,
  slipHref,
  UnitSelect,
  useEntries,
  useRegisterFilters,
} from './shared';

const PATH = '/api/visitor-passes';
const STATUSES = ['待确认', '有效', '已用完', '已过期', '已作废'];

/** 访客: walk-ins registered at the desk or the gate, residents' pre-registrations, deliverers' long-term passes. */
export default function VisitorsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const filters = useRegisterFilters();
  const { q, status, page, setPage } = filters;
  const [adding, setAdding] = useState(false);
  const list = useEntries(PATH, projectId, { q, status, page });
  const qc = useQueryClient();
  const onError = useApiError();
  const move = useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'revoke' | 'confirm' }) =>
      api.post(`${PATH}/${id}/${action}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [PATH] }),
    onError: (e) => onError(e),
  });
  return (
    <div>
      <PageHeader
        title={t('frontdesk.visitors.title')}
        subTitle={t('frontdesk.visitors.subtitle')}
        extra={
          (can('desk.write') || can('gate.verify')) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-visitor"
            >
              {t('frontdesk.visitors.add')}
            </Button>
          )
        }
      />
      <Card>
        <RegisterFilters path={PATH} statuses={STATUSES} filters={filters} />
        <Table<DeskEntry>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          columns={[
            {
              title: t('frontdesk.common.code'),
              dataIndex: 'code',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            { title: t('frontdesk.visitors.visitorName'), dataIndex: 'name' },
            {
              title: t('frontdesk.common.unit'),
              dataIndex: 'unitLabel',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('frontdesk.visitors.plate'),
              key: 'plate',
              render: (_: unknown, r) => String(r.details.plate ?? '') || '—',
            },
            { title: t('frontdesk.visitors.validUntil'), dataIndex: 'validUntil', render: fmt },
            {
              title: t('frontdesk.visitors.usesShort'),
              key: 'uses',
              render: (_: unknown, r) =>
                `${r.usesCount}/${r.usesAllowed ?? t('frontdesk.visitors.unlimited')}`,
            },
            {
              title: t('frontdesk.visitors.at'),
              dataIndex: 'source',
              render: (v: string) => t(`frontdesk.visitors.source.${v}`, { defaultValue: v }),
            },
            {
              title: t('frontdesk.common.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag status={v} />,
            },
            {
              title: t('frontdesk.common.actions'),
              key: 'a',
              render: (_: unknown, r) => (
                <Space size={4}>
                  <Button size="small" type="link" href={slipHref(PATH, r.id)} target="_blank">
                    {t('frontdesk.common.slip')}
                  </Button>
                  {can('desk.write') && r.status === '待确认' && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => move.mutate({ id: r.id, action: 'confirm' })}
                    >
                      {t('frontdesk.visitors.confirm')}
                    </Button>
                  )}
                  {can('desk.write') && (r.status === '待确认' || r.status === '有效') && (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => move.mutate({ id: r.id, action: 'revoke' })}
                    >
                      {t('frontdesk.visitors.revoke')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {projectId && adding && <VisitorModal projectId={projectId} onClose={() => setAdding(false)} />}
    </div>
  );
}

interface Values {
  visitorName: string;
  phone?: string;
  unitId?: number | null;
  plate?: string;
  purpose?: string;
  headcount: number;
  uses: number;
  hours: number;
  longTerm: boolean;
  hostConfirm: boolean;
  at: 'desk' | 'gate';
}

function VisitorModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const onError = useApiError();
  const longTerm = Form.useWatch('longTerm', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const from = new Date();
      return api.post<DeskEntry>(PATH, {
        projectId,
        visitorName: v.visitorName,
        phone: v.phone ?? '',
        unitId: v.unitId ?? null,
        plate: v.plate ?? '',
        purpose: v.purpose ?? '',
        headcount: v.headcount,
        uses: v.longTerm ? null : v.uses,
        longTerm: v.longTerm,
        hostConfirm: v.hostConfirm,
        at: v.at,
        validUntil: v.longTerm ? undefined : new Date(from.getTime() + v.hours * 3_600_000).toISOString(),
      });
    },
    onSuccess: (pass) => {
      void message.success(`${t('frontdesk.common.saved')} ${pass.code}`);
      void qc.invalidateQueries({ queryKey: [PATH] });
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open
      title={t('frontdesk.visitors.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          headcount: 1,
          uses: 1,
          hours: 4,
          longTerm: false,
          hostConfirm: false,
          at: can('desk.write') ? 'desk' : 'gate',
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="visitorName"
          label={t('frontdesk.visitors.visitorName')}
          rules={[{ required: true }]}
        >
          <Input maxLength={40} data-testid="visitor-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t('frontdesk.common.unit')}>
          <UnitSelect />
        </Form.Item>
        <Space wrap>
          <Form.Item name="phone" label={t('frontdesk.common.phone')}>
            <Input maxLength={15} />
          </Form.Item>
          <Form.Item name="plate" label={t('frontdesk.visitors.plate')}>
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item name="headcount" label={t('frontdesk.visitors.headcount')}>
            <InputNumber min={1} max={50} />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label={t('frontdesk.visitors.purpose')}>
          <Input maxLength={60} />
        </Form.Item>
        {!longTerm && (
          <Space wrap>
            <Form.Item name="uses" label={t('frontdesk.visitors.uses')}>
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item name="hours" label={t('frontdesk.visitors.validHours')}>
              <InputNumber min={1} max={168} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="at" label={t('frontdesk.visitors.at')}>
          <Radio.Group
            options={[
              { value: 'desk', label: t('frontdesk.visitors.atDesk') },
              { value: 'gate', label: t('frontdesk.visitors.atGate') },
            ]}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="hostConfirm" valuePropName="checked">
            <Checkbox>{t('frontdesk.visitors.hostConfirm')}</Checkbox>
          </Form.Item>
          {can('desk.write') && (
            <Form.Item name="longTerm" valuePropName="checked">
              <Checkbox>{t('frontdesk.visitors.longTerm')}</Checkbox>
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
