import { LockOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Permission } from '@guanjia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRoles } from '../../api/hooks';
import type { Role } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { SimpleList } from '../../components/SimpleList';
import { useVocab } from '../../vocab';
import { PERMISSION_GROUPS } from './permissionGroups';

/** A role's stored permissions are strings; the server only ever writes known ones. */
const granted = (role: Role) => role.permissions as Permission[];

function PermissionMatrix({
  value,
  onChange,
  disabled,
}: {
  value?: Permission[];
  onChange?: (v: Permission[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const selected = new Set(value ?? []);
  const toggle = (p: Permission, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(p);
    else next.delete(p);
    onChange?.([...next]);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {PERMISSION_GROUPS.map((group) => {
        const all = group.permissions.every((p) => selected.has(p));
        const some = group.permissions.some((p) => selected.has(p));
        return (
          <Card
            key={group.key}
            size="small"
            type="inner"
            title={
              <Checkbox
                checked={all}
                indeterminate={some && !all}
                disabled={disabled}
                onChange={(e) => {
                  const next = new Set(selected);
                  for (const p of group.permissions) {
                    if (e.target.checked) next.add(p);
                    else next.delete(p);
                  }
                  onChange?.([...next]);
                }}
              >
                {t(`roles.groups.${group.key}`)}
              </Checkbox>
            }
          >
            <Row gutter={[16, 8]}>
              {group.permissions.map((p) => (
                <Col key={p} xs={24} md={12} xl={8}>
                  <Checkbox
                    checked={selected.has(p)}
                    disabled={disabled}
                    onChange={(e) => toggle(p, e.target.checked)}
                    data-testid={`perm-${p}`}
                  >
                    <Tooltip title={vocab.permissionHint(p)}>
                      <span>{vocab.permission(p)}</span>
                    </Tooltip>
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {p}
                    </Typography.Text>
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Card>
        );
      })}
    </Space>
  );
}

interface RoleForm {
  code: string;
  name: string;
  permissions: Permission[];
}

export default function RolesPage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [editForm] = Form.useForm<RoleForm>();
  const [createForm] = Form.useForm<RoleForm>();
  const writable = can('roles.write');

  const items = roles.data?.items ?? [];
  const selected = items.find((r) => r.id === selectedId) ?? items[0] ?? null;

  useEffect(() => {
    if (selected)
      editForm.setFieldsValue({
        code: selected.code,
        name: selected.name,
        permissions: granted(selected),
      });
  }, [selected, editForm]);

  const save = useMutation({
    mutationFn: (v: RoleForm) =>
      api.patch<Role>(`/api/roles/${selected?.id}`, {
        name: v.name.trim(),
        permissions: v.permissions,
        version: selected?.version,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
      void message.success(t('common.saved'));
    },
    onError: (error) => onError(error, { form: editForm, onReload: () => void roles.refetch() }),
  });

  const create = useMutation({
    mutationFn: (v: RoleForm) =>
      api.post<Role>('/api/roles', { code: v.code.trim(), name: v.name.trim(), permissions: v.permissions }),
    onSuccess: (role) => {
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
      void message.success(t('common.saved'));
      setCreating(false);
      setSelectedId(role.id);
    },
    onError: (error) => onError(error, { form: createForm }),
  });

  return (
    <div>
      <PageHeader
        title={t('roles.title')}
        subTitle={t('roles.subtitle')}
        extra={
          writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                createForm.resetFields();
                setCreating(true);
              }}
            >
              {t('roles.create')}
            </Button>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={8} xl={6}>
          <Card
            title={t('roles.list')}
            size="small"
            loading={roles.isLoading}
            styles={{ body: { padding: 0 } }}
          >
            <SimpleList<Role>
              items={items}
              rowKey={(r) => r.id}
              onItemClick={(r) => setSelectedId(r.id)}
              itemStyle={(r) => ({
                padding: '10px 16px',
                background: selected?.id === r.id ? '#e6f4ff' : undefined,
                borderInlineStart: selected?.id === r.id ? '3px solid #1677ff' : '3px solid transparent',
              })}
              render={(r) => (
                <Space orientation="vertical" size={0} data-testid={`role-${r.code}`}>
                  <Space size={6}>
                    <SafetyCertificateOutlined style={{ color: '#1677ff' }} />
                    <Typography.Text strong>{vocab.roleName(r)}</Typography.Text>
                    {r.builtin && <Tag style={{ marginInlineEnd: 0 }}>{t('roles.builtin')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.code} · {t('roles.permissionCount', { count: r.permissions.length })}
                  </Typography.Text>
                </Space>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={18}>
          <Card
            size="small"
            title={
              selected ? t('roles.permissionsOf', { name: vocab.roleName(selected) }) : t('roles.permissions')
            }
            extra={
              !writable && (
                <Typography.Text type="secondary">
                  <LockOutlined /> {t('roles.readOnly')}
                </Typography.Text>
              )
            }
          >
            {selected ? (
              <Form<RoleForm>
                form={editForm}
                layout="vertical"
                onFinish={(v) => save.mutate(v)}
                disabled={!writable}
              >
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="code" label={t('roles.fields.code')}>
                      <Input disabled />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="name"
                      label={t('roles.fields.name')}
                      rules={[{ required: true, message: t('validation.required') }, { max: 40 }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="permissions" label={t('roles.fields.permissions')}>
                  <PermissionMatrix disabled={!writable} />
                </Form.Item>
                {writable && (
                  <Space>
                    <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="role-save">
                      {t('common.save')}
                    </Button>
                    <Button
                      onClick={() =>
                        editForm.setFieldsValue({ name: selected.name, permissions: granted(selected) })
                      }
                    >
                      {t('common.reset')}
                    </Button>
                  </Space>
                )}
              </Form>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={creating}
        title={t('roles.create')}
        onCancel={() => setCreating(false)}
        onOk={() => createForm.submit()}
        okText={t('common.save')}
        confirmLoading={create.isPending}
        width={760}
        destroyOnHidden
      >
        <Form<RoleForm>
          form={createForm}
          layout="vertical"
          initialValues={{ permissions: ['estate.read', 'residents.read'] }}
          onFinish={(v) => create.mutate(v)}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label={t('roles.fields.code')}
                tooltip={t('roles.codeHint')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { pattern: /^[a-z0-9_]{2,40}$/, message: t('validation.roleCode') },
                ]}
              >
                <Input placeholder="night_shift" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('roles.fields.name')}
                rules={[{ required: true, message: t('validation.required') }, { max: 40 }]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="permissions" label={t('roles.fields.permissions')}>
            <PermissionMatrix />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
