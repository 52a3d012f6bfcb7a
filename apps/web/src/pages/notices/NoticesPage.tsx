import { PlusOutlined } from '@ant-design/icons';
import { NOTICE_TYPES } from '@guanjia/shared';
import type { Notice, SendPreview } from '@guanjia/shared/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuildings } from '../../api/hooks';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useEnumLabel } from '../../enumLabel';
import { formatDateTime } from '../../format';
import { ConfirmSend, reportHeld } from '../broadcasts/ConfirmSend';
import { TemplatePicker } from '../broadcasts/TemplatePicker';
import { DeliveryLog } from '../incidents/DeliveryLog';

type NoticeStatus = Notice['status'];
const STATUS_COLOR: Record<NoticeStatus, string> = {
  草稿: 'default',
  待审核: 'blue',
  待批准: 'purple',
  已批准: 'cyan',
  已发布: 'green',
  已撤回: 'default',
};
const VARIABLES =
  '{小区} {楼栋} {开始时间} {结束时间} {服务电话} {{resident.name}} {{unit.label}} {{notice.expiresAt}}';

interface CreateValues {
  type: string;
  title: string;
  body: string;
  urgent: boolean;
  buildingIds?: number[];
  vipOnly?: boolean;
  tags?: string[];
  publishAt?: Dayjs | null;
  expiresAt: Dayjs;
  location?: string;
  eventRange?: [Dayjs, Dayjs] | null;
}

type Step = 'submit' | 'review' | 'approve' | 'publish' | 'approve-publish' | 'withdraw';

/** 通知公告: draft, W-30 review and approval, publish to a targeted audience, follow the deliveries. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [includeExpired, setIncludeExpired] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [log, setLog] = useState<Notice | null>(null);
  const [reason, setReason] = useState('');
  // Publishing (or 批准并发布) waits for the confirmation with recipients and exact texts.
  const [sending, setSending] = useState<{ n: Notice; action: Step } | null>(null);
  const [form] = Form.useForm<CreateValues>();
  const type = Form.useWatch('type', form);
  const buildings = useBuildings(projectId);
  const query = {
    projectId: projectId ?? undefined,
    includeExpired: includeExpired ? 'true' : undefined,
    page,
    pageSize: 20,
  };
  const list = useQuery({
    queryKey: ['notices', query],
    queryFn: () => api.get<Page<Notice>>('/api/notices', query),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notices'] });

  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<Notice>('/api/notices', {
        projectId,
        type: v.type,
        title: v.title.trim(),
        body: v.body.trim(),
        urgent: v.urgent,
        audience: { buildingIds: v.buildingIds ?? [], vipOnly: v.vipOnly ?? false, tags: v.tags ?? [] },
        publishAt: v.publishAt ? v.publishAt.toISOString() : null,
        expiresAt: v.expiresAt.toISOString(),
        location: v.location?.trim() || null,
        eventStartsAt: v.eventRange?.[0]?.toISOString() ?? null,
        eventEndsAt: v.eventRange?.[1]?.toISOString() ?? null,
      }),
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      void refresh();
    },
    onError: (error) => onError(error, { form }),
  });

  const step = useMutation({
    mutationFn: ({ n, action, approve }: { n: Notice; action: Step; approve?: boolean }) =>
      api.post<Notice>(`/api/notices/${n.id}/${action}`, {
        version: n.version,
        ...(approve === undefined ? {} : { approve, reason: approve ? null : reason.trim() || null }),
      }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setReason('');
      setSending(null);
      void refresh();
    },
    onError: (error) => {
      setSending(null);
      if (!reportHeld(error, t)) onError(error);
    },
  });

  const actionsOf = (n: Notice) => {
    const out: ReactNode[] = [];
    const button = (key: string, label: string, onClick: () => void, primary = false) => (
      <Button
        key={key}
        size="small"
        type={primary ? 'primary' : 'default'}
        onClick={onClick}
        data-testid={`notice-${key}-${n.id}`}
      >
        {label}
      </Button>
    );
    const reject = (action: 'review' | 'approve') => (
      <Popconfirm
        key={`reject-${action}`}
        title={t('notices.rejectReason')}
        description={<Input value={reason} onChange={(e) => setReason(e.target.value)} />}
        onConfirm={() => step.mutate({ n, action, approve: false })}
      >
        <Button size="small" danger>
          {t('notices.reject')}
        </Button>
      </Popconfirm>
    );
    if (n.status === '草稿' && can('notices.write') && !n.urgent)
      out.push(button('submit', t('notices.submit'), () => step.mutate({ n, action: 'submit' })));
    if (n.status === '待审核' && can('notices.review')) {
      out.push(
        button(
          'review',
          t('notices.review'),
          () => step.mutate({ n, action: 'review', approve: true }),
          true,
        ),
      );
      out.push(reject('review'));
    }
    if (n.status === '待批准' && can('notices.approve')) {
      out.push(
        button(
          'approve',
          t('notices.approve'),
          () => step.mutate({ n, action: 'approve', approve: true }),
          true,
        ),
      );
      out.push(
        button('approve-publish', t('broadcasts.approvePublish'), () =>
          setSending({ n, action: 'approve-publish' }),
        ),
      );
      out.push(reject('approve'));
    }
    if ((n.status === '已批准' || (n.status === '草稿' && n.urgent)) && can('notices.write') && !n.expired)
      out.push(button('publish', t('notices.publish'), () => setSending({ n, action: 'publish' }), true));
    if (n.status === '已发布') {
      out.push(button('log', t('notices.deliveries'), () => setLog(n)));
      if (can('notices.write'))
        out.push(button('withdraw', t('notices.withdraw'), () => step.mutate({ n, action: 'withdraw' })));
    }
    return out;
  };

  const columns: TableProps<Notice>['columns'] = [
    {
      title: t('notices.type'),
      dataIndex: 'type',
      width: 130,
      render: (v: string, n) => (
        <Space size={4}>
          {n.urgent && <Tag color="red">{t('notices.urgentTag')}</Tag>}
          {label(v)}
        </Space>
      ),
    },
    { title: t('notices.noticeTitle'), dataIndex: 'title' },
    {
      title: t('notices.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: NoticeStatus, n) => (
        <Space size={4}>
          <Tag color={STATUS_COLOR[s]}>{label(s)}</Tag>
          {n.expired && <Tag>{t('notices.expired')}</Tag>}
        </Space>
      ),
    },
    { title: t('notices.recipients'), dataIndex: 'recipientCount', width: 90 },
    { title: t('notices.reads'), dataIndex: 'readCount', width: 80 },
    {
      title: t('notices.expiresAt'),
      dataIndex: 'expiresAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      render: (_: unknown, n) => <Space wrap>{actionsOf(n)}</Space>,
    },
  ];

  if (!projectId) return <Empty style={{ marginTop: 64 }} description={t('dashboard.noProject')} />;
  const needsPlace = type === '施工公告' || type === '消防演练';

  return (
    <>
      <PageHeader
        title={t('notices.title')}
        subTitle={t('notices.subtitle')}
        extra={
          <Space>
            <Checkbox checked={includeExpired} onChange={(e) => setIncludeExpired(e.target.checked)}>
              {t('notices.includeExpired')}
            </Checkbox>
            {can('notices.write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="notice-create"
              >
                {t('notices.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Table<Notice>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        expandable={{ expandedRowRender: (n) => n.body }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
      <Modal
        open={creating}
        title={t('notices.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        width={680}
        destroyOnHidden
      >
        <Form<CreateValues>
          form={form}
          layout="vertical"
          initialValues={{ type: '一般通知', urgent: false, expiresAt: dayjs().add(7, 'day') }}
          onFinish={(v) => create.mutate(v)}
        >
          <Space size="large" wrap>
            <Form.Item name="type" label={t('notices.type')}>
              <Select
                style={{ width: 160 }}
                options={NOTICE_TYPES.map((v) => ({ value: v, label: label(v) }))}
              />
            </Form.Item>
            <Form.Item name="urgent" label={t('notices.urgent')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item
            name="title"
            label={t('notices.noticeTitle')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          {projectId && (
            <Form.Item label={t('broadcasts.templates.use')}>
              <TemplatePicker projectId={projectId} onPick={(body) => form.setFieldValue('body', body)} />
            </Form.Item>
          )}
          <Form.Item
            name="body"
            label={t('notices.body')}
            extra={`${t('incidents.residentTextHint')}${VARIABLES}`}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="buildingIds" label={t('notices.buildings')}>
            <Select
              mode="multiple"
              allowClear
              options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="vipOnly" label={t('notices.vipOnly')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="tags" label={t('notices.tags')}>
              <Select mode="tags" style={{ minWidth: 220 }} />
            </Form.Item>
          </Space>
          {needsPlace && (
            <Space size="large" wrap>
              <Form.Item name="location" label={t('notices.location')}>
                <Input />
              </Form.Item>
              <Form.Item
                name="eventRange"
                label={`${t('notices.eventStartsAt')} – ${t('notices.eventEndsAt')}`}
              >
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            </Space>
          )}
          <Space size="large" wrap>
            <Form.Item name="publishAt" label={t('notices.publishAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item
              name="expiresAt"
              label={t('notices.expiresAt')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <ConfirmSend
        open={sending !== null}
        previewKey={sending ? [sending.n.id, sending.n.version] : null}
        loadPreview={() => api.post<SendPreview>(`/api/notices/${sending?.n.id}/preview`)}
        confirming={step.isPending}
        onConfirm={() => sending && step.mutate(sending)}
        onCancel={() => setSending(null)}
      />
      <Drawer
        open={Boolean(log)}
        onClose={() => setLog(null)}
        size={960}
        title={log ? `${t('notices.deliveries')} · ${log.title}` : ''}
        destroyOnHidden
      >
        {log && <DeliveryLog path={`/api/notices/${log.id}/deliveries`} />}
      </Drawer>
    </>
  );
}
