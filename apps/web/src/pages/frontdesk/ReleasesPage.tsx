import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { DeskEntry } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
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

const PATH = '/api/item-releases';
const STATUSES = ['待审批', '已批准', '已驳回', '已放行', '已取消', '已过期'];
const itemsText = (r: DeskEntry) =>
  ((r.details.items as { name: string; qty: number }[] | undefined) ?? [])
    .map((i) => `${i.name}×${i.qty}`)
    .join('、');

/** 物品放行: applications from the portal or the desk, approval with arrears/decoration flags, the 出门条. */
export default function ReleasesPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { modal } = App.useApp();
  const filters = useRegisterFilters();
  const { q, status, page, setPage } = filters;
  const [adding, setAdding] = useState(false);
  const list = useEntries(PATH, projectId, { q, status, page });
  const qc = useQueryClient();
  const onError = useApiError();
  const done = () => qc.invalidateQueries({ queryKey: [PATH] });
  const approve = useMutation({
    mutationFn: ({ r, ack }: { r: DeskEntry; ack: boolean }) =>
      api.post(`${PATH}/${r.id}/approve`, { version: r.version, acknowledgeFlags: ack }),
    onSuccess: done,
    onError: (e, { r }) => {
      const flags =
        e instanceof ApiError && e.code === 'flagged' ? (e.details as { flags?: string[] })?.flags : null;
      if (flags)
        modal.confirm({
          title: t('frontdesk.releases.flagged', { flags: flags.join('、') }),
          onOk: () => approve.mutate({ r, ack: true }),
        });
      else onError(e, { onReload: () => void done() });
    },
  });
  const reject = useMutation({
    mutationFn: ({ r, reason }: { r: DeskEntry; reason: string }) =>
      api.post(`${PATH}/${r.id}/reject`, { version: r.version, reason }),
    onSuccess: done,
    onError: (e) => onError(e),
  });
  const askReject = (r: DeskEntry) => {
    let reason = '';
    modal.confirm({
      title: t('frontdesk.releases.rejectReason'),
      content: <Input.TextArea maxLength={200} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => reject.mutate({ r, reason: reason || '—' }),
    });
  };
  return (
    <div>
      <PageHeader
        title={t('frontdesk.releases.title')}
        subTitle={t('frontdesk.releases.subtitle')}
        extra={
          can('desk.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('frontdesk.releases.add')}
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
            { title: t('frontdesk.common.code'), dataIndex: 'code' },
            { title: t('frontdesk.common.unit'), dataIndex: 'unitLabel' },
            { title: t('frontdesk.releases.applicant'), dataIndex: 'name' },
            { title: t('frontdesk.releases.items'), key: 'items', render: (_: unknown, r) => itemsText(r) },
            {
              title: t('frontdesk.releases.releaseDate'),
              key: 'date',
              render: (_: unknown, r) => String(r.details.releaseDate ?? ''),
            },
            {
              title: t('frontdesk.releases.flags'),
              dataIndex: 'flags',
              render: (v: string[]) =>
                v.map((f) => (
                  <Tag color="red" key={f}>
                    {f}
                  </Tag>
                )),
            },
            { title: t('frontdesk.common.createdAt'), dataIndex: 'createdAt', render: fmt },
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
                  {can('desk.write') && r.status === '待审批' && (
                    <>
                      <Button size="small" type="link" onClick={() => approve.mutate({ r, ack: false })}>
                        {t('frontdesk.releases.approve')}
                      </Button>
                      <Button size="small" type="link" danger onClick={() => askReject(r)}>
                        {t('frontdesk.releases.reject')}
                      </Button>
                    </>
                  )}
                  {r.status !== '待审批' && (
                    <Button size="small" type="link" href={slipHref(PATH, r.id)} target="_blank">
                      {t('frontdesk.common.slip')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {projectId && adding && <ReleaseModal projectId={projectId} onClose={() => setAdding(false)} />}
    </div>
  );
}

interface Values {
  unitId: number;
  applicantName: string;
  phone?: string;
  relation: '业主' | '租户' | '商户';
  ownerConsent?: string;
  items: { name: string; qty: number }[];
  releaseDate: Dayjs;
  plate?: string;
}

function ReleaseModal({ projectId, onClose }: { projectId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const onError = useApiError();
  const relation = Form.useWatch('relation', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post(PATH, {
        projectId,
        ...v,
        phone: v.phone ?? '',
        plate: v.plate ?? '',
        ownerConsent: v.ownerConsent ?? '',
        releaseDate: v.releaseDate.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [PATH] });
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open
      title={t('frontdesk.releases.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ relation: '业主', items: [{ name: '', qty: 1 }], releaseDate: dayjs() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="unitId" label={t('frontdesk.common.unit')} rules={[{ required: true }]}>
          <UnitSelect />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="applicantName"
            label={t('frontdesk.releases.applicant')}
            rules={[{ required: true }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label={t('frontdesk.common.phone')}>
            <Input maxLength={15} />
          </Form.Item>
          <Form.Item name="relation" label={t('frontdesk.releases.relation')}>
            <Select
              style={{ width: 100 }}
              options={['业主', '租户', '商户'].map((v) => ({ value: v, label: v }))}
            />
          </Form.Item>
        </Space>
        {relation === '租户' && (
          <Form.Item
            name="ownerConsent"
            label={t('frontdesk.releases.ownerConsent')}
            rules={[{ required: true }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        )}
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('frontdesk.releases.itemName')} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'qty']}>
                    <InputNumber min={1} max={999} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', qty: 1 })} icon={<PlusOutlined />}>
                {t('frontdesk.releases.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Space wrap style={{ marginTop: 12 }}>
          <Form.Item
            name="releaseDate"
            label={t('frontdesk.releases.releaseDate')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="plate" label={t('frontdesk.visitors.plate')}>
            <Input maxLength={12} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
