import { formatPhone } from '@guanjia/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { PhotoList } from '../../components/Photos';
import { formatDateTime } from '../../format';
import { type BindingRequest, type BindingStatus, usePendingBindings } from './bindingsApi';

const STATUSES: BindingStatus[] = ['待审核', '已通过', '已驳回'];
const STATUS_COLOR: Record<BindingStatus, string> = { 待审核: 'blue', 已通过: 'green', 已驳回: 'red' };

/** 门户绑定审核: the front desk checks who the person is, then links (or unlinks) the unit. */
export default function BindingsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const { message, modal } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as BindingStatus | null) ?? '待审核';
  const page = Number(params.get('page')) || 1;
  const [rejecting, setRejecting] = useState<BindingRequest | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const pending = usePendingBindings(projectId);
  const query = { projectId: projectId ?? undefined, status };
  const list = useQuery({
    queryKey: ['portal-bindings', 'list', query, page],
    queryFn: () => api.get<Page<BindingRequest>>('/api/portal-bindings', { ...query, page, pageSize: 20 }),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['portal-bindings'] });
  const approve = useMutation({
    mutationFn: (r: BindingRequest) =>
      api.post(`/api/portal-bindings/${r.id}/approve`, { version: r.version }),
    onSuccess: () => {
      void message.success(t('bindings.desk.approved'));
      refresh();
    },
    onError: (e) => onError(e, { onReload: refresh }),
  });
  const reject = useMutation({
    mutationFn: ({ r, reason }: { r: BindingRequest; reason: string }) =>
      api.post(`/api/portal-bindings/${r.id}/reject`, { version: r.version, reason }),
    onSuccess: () => {
      void message.success(t('bindings.desk.rejected'));
      setRejecting(null);
      form.resetFields();
      refresh();
    },
    onError: (e) => onError(e, { form, onReload: refresh }),
  });

  const columns: TableProps<BindingRequest>['columns'] = [
    {
      title: t('bindings.desk.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('bindings.desk.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k) => <Tag>{t(`bindings.kind.${k}`)}</Tag>,
    },
    { title: t('bindings.desk.unit'), dataIndex: 'unitLabel', width: 110 },
    {
      title: t('bindings.desk.person'),
      key: 'person',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Space>
            {r.residentId ? <Link to={`/residents/${r.residentId}`}>{r.name}</Link> : r.name}
            <Tag>{t(`bindings.relation.${r.relation}`)}</Tag>
          </Space>
          <Typography.Text type="secondary">{formatPhone(r.phone)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('bindings.desk.requester'), dataIndex: 'requesterPhone', width: 140 },
    { title: t('bindings.desk.lease'), dataIndex: 'leaseEndsOn', width: 110, render: (v) => v ?? '—' },
    {
      title: t('bindings.desk.note'),
      key: 'note',
      render: (_, r) => (
        <Space orientation="vertical" size={4}>
          {r.note && <span>{r.note}</span>}
          {r.attachments.length > 0 && <PhotoList photos={r.attachments.map((a) => a.url)} size={48} />}
          {r.rejectReason && <Typography.Text type="danger">{r.rejectReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('bindings.desk.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: BindingStatus) => <Tag color={STATUS_COLOR[s]}>{t(`bindings.status.${s}`)}</Tag>,
    },
    {
      title: t('bindings.desk.actions'),
      key: 'actions',
      width: 150,
      render: (_, r) =>
        r.status === '待审核' && (
          <Space>
            <Button
              size="small"
              type="primary"
              data-testid={`binding-approve-${r.id}`}
              onClick={() =>
                modal.confirm({
                  title: t(
                    r.kind === 'removal' ? 'bindings.desk.removalConfirm' : 'bindings.desk.approveConfirm',
                    {
                      name: r.name,
                      unit: r.unitLabel,
                    },
                  ),
                  onOk: () => approve.mutateAsync(r),
                })
              }
            >
              {t('bindings.desk.approve')}
            </Button>
            <Button size="small" danger onClick={() => setRejecting(r)}>
              {t('bindings.desk.reject')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('bindings.desk.title')} />
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('bindings.desk.hint')}</Typography.Text>
          <Segmented
            value={status}
            onChange={(v) => setParams({ status: String(v) }, { replace: true })}
            options={STATUSES.map((s) => ({
              value: s,
              label:
                s === '待审核' ? (
                  <Badge count={pending.data ?? 0} size="small" offset={[8, -2]}>
                    {t(`bindings.status.${s}`)}
                  </Badge>
                ) : (
                  t(`bindings.status.${s}`)
                ),
            }))}
          />
          <Table
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={columns}
            dataSource={list.data?.items}
            scroll={{ x: 1100 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total,
              onChange: (p) => setParams({ status, page: String(p) }, { replace: true }),
            }}
          />
        </Space>
      </Card>
      <Modal
        open={rejecting !== null}
        title={t('bindings.desk.rejectTitle')}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          void form
            .validateFields()
            .then((v) => rejecting && reject.mutate({ r: rejecting, reason: v.reason }))
        }
        confirmLoading={reject.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('bindings.desk.rejectReason')}
            rules={[{ required: true, min: 2, max: 200, whitespace: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
