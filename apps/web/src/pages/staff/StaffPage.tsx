import {
  BellOutlined,
  CheckCircleOutlined,
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { formatPhone } from '@guanjia/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useRoles } from '../../api/hooks';
import type { Page, Staff } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { StaffChannelsForm } from '../../components/StaffChannelsForm';
import { formatDateTime, formatHumanDateTime } from '../../format';
import { useVocab } from '../../vocab';
import { PasswordModal } from './PasswordModal';
import { StaffModal } from './StaffModal';

export default function StaffPage() {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const { can, projects, user } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleId = Number(params.get('roleId')) || undefined;
  const projectId = Number(params.get('projectId')) || undefined;
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<{ staff: Staff | null } | null>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [channelsOf, setChannelsOf] = useState<Staff | null>(null);

  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const filters = { q: q || undefined, roleId, projectId };
  const list = useQuery({
    queryKey: ['staff', 'list', filters, page, pageSize],
    queryFn: () => api.get<Page<Staff>>('/api/staff', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const toggleActive = useMutation({
    // Fields with server-side defaults are sent as they are, so a partial update never resets them.
    mutationFn: (s: Staff) =>
      api.patch<Staff>(`/api/staff/${s.id}`, {
        active: !s.active,
        skills: s.skills,
        projectIds: s.projectIds,
        allProjects: s.allProjects,
        version: s.version,
      }),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      void message.success(
        s.active
          ? t('staff.activated', { name: s.displayName })
          : t('staff.deactivated', { name: s.displayName }),
      );
    },
    onError: (error) =>
      onError(error, { onReload: () => void queryClient.invalidateQueries({ queryKey: ['staff'] }) }),
  });

  const projectName = (id: number) => projects.find((p) => p.id === id)?.name ?? `#${id}`;
  const writable = can('staff.write');

  const columns: TableProps<Staff>['columns'] = [
    {
      title: t('staff.fields.displayName'),
      dataIndex: 'displayName',
      width: 160,
      fixed: 'left',
      render: (name: string, s) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.username}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('staff.fields.department'),
      dataIndex: 'department',
      width: 110,
      render: (v: string | null) => v || '—',
    },
    {
      title: t('staff.fields.roles'),
      dataIndex: 'roles',
      render: (_: unknown, s) => (
        <Space size={[4, 4]} wrap>
          {s.roles.map((r) => (
            <Tag key={r.id} color="geekblue">
              {vocab.roleName(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('staff.fields.projects'),
      dataIndex: 'projectIds',
      width: 200,
      render: (_: unknown, s) =>
        s.allProjects ? (
          <Tag color="purple">{t('staff.fields.allProjects')}</Tag>
        ) : s.projectIds.length ? (
          <Space size={[4, 4]} wrap>
            {s.projectIds.map((id) => (
              <Tag key={id}>{projectName(id)}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('staff.noProjects')}</Typography.Text>
        ),
    },
    {
      title: t('staff.fields.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatPhone(v) || '—'}</span>,
    },
    {
      title: t('staff.fields.status'),
      dataIndex: 'active',
      width: 110,
      render: (active: boolean, s) => {
        const locked = s.lockedUntil && new Date(s.lockedUntil) > new Date();
        if (locked)
          return (
            <Tooltip
              title={t('staff.lockedUntil', { time: formatHumanDateTime(s.lockedUntil, i18n.language) })}
            >
              <Badge status="warning" text={t('staff.locked')} />
            </Tooltip>
          );
        return (
          <Badge
            status={active ? 'success' : 'default'}
            text={active ? t('staff.active') : t('staff.inactive')}
          />
        );
      },
    },
    {
      title: t('staff.fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 300,
            fixed: 'right' as const,
            render: (_: unknown, s: Staff) => (
              <Space size={4}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ staff: s })}
                >
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(s)}>
                  {t('staff.resetPassword')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<BellOutlined />}
                  onClick={() => setChannelsOf(s)}
                  data-testid={`staff-channels-${s.username}`}
                >
                  {t('staffChannels.staffAction')}
                </Button>
                {s.id !== user?.id && (
                  <Popconfirm
                    title={
                      s.active
                        ? t('staff.deactivateConfirm', { name: s.displayName })
                        : t('staff.activateConfirm', { name: s.displayName })
                    }
                    onConfirm={() => toggleActive.mutate(s)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger={s.active}
                      icon={s.active ? <StopOutlined /> : <CheckCircleOutlined />}
                    >
                      {s.active ? t('staff.deactivate') : t('staff.activate')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('staff.title')}
        subTitle={t('staff.subtitle')}
        extra={
          <Space>
            <ExportButton path="/api/staff/export.xlsx" query={filters} />
            {writable && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ staff: null })}
                data-testid="staff-create"
              >
                {t('staff.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('staff.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() })}
          />
          <Select<number>
            allowClear
            style={{ width: 180 }}
            placeholder={t('staff.fields.roles')}
            value={roleId}
            onChange={(v) => update({ roleId: v })}
            options={(roles.data?.items ?? []).map((r) => ({ value: r.id, label: vocab.roleName(r) }))}
          />
          <Select<number>
            allowClear
            style={{ width: 180 }}
            placeholder={t('staff.fields.projects')}
            value={projectId}
            onChange={(v) => update({ projectId: v })}
            options={projects.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Space>
        <Table<Staff>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="staff-table"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.empty')} />,
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => update({ page: p === 1 ? null : p, pageSize: s === 20 ? null : s }, false),
          }}
        />
      </Card>
      <StaffModal open={editing !== null} staff={editing?.staff ?? null} onClose={() => setEditing(null)} />
      <PasswordModal staff={resetting} onClose={() => setResetting(null)} />
      <Modal
        open={channelsOf !== null}
        title={t('staffChannels.staffTitle', { name: channelsOf?.displayName ?? '' })}
        footer={null}
        destroyOnHidden
        onCancel={() => setChannelsOf(null)}
      >
        {channelsOf && (
          <StaffChannelsForm
            path={`/api/staff/${channelsOf.id}/channels`}
            onSaved={() => setChannelsOf(null)}
          />
        )}
      </Modal>
    </div>
  );
}
