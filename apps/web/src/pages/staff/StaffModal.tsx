import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRoles } from '../../api/hooks';
import type { Staff } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { FieldRow } from '../../components/FieldRow';
import { useApiError } from '../../components/feedback';
import { useVocab } from '../../vocab';
import { validPhone } from '../residents/validators';

interface StaffForm {
  username: string;
  displayName: string;
  password?: string;
  phone?: string;
  email?: string;
  department?: string;
  skills: string[];
  roleIds: number[];
  projectIds: number[];
  allProjects: boolean;
  active: boolean;
}

export function StaffModal({
  open,
  staff,
  onClose,
}: {
  open: boolean;
  staff: Staff | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { projects, user } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const roles = useRoles(open);
  const [form] = Form.useForm<StaffForm>();
  const allProjects = Form.useWatch('allProjects', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (staff)
      form.setFieldsValue({
        username: staff.username,
        displayName: staff.displayName,
        phone: staff.phone ?? undefined,
        email: staff.email ?? undefined,
        department: staff.department ?? undefined,
        skills: staff.skills,
        roleIds: staff.roles.map((r) => r.id),
        projectIds: staff.projectIds,
        allProjects: staff.allProjects,
        active: staff.active,
      });
  }, [open, staff, form]);

  const save = useMutation({
    mutationFn: (v: StaffForm) => {
      const common = {
        displayName: v.displayName.trim(),
        email: v.email?.trim() || null,
        department: v.department?.trim() || null,
        skills: v.skills,
        roleIds: v.roleIds,
        projectIds: v.allProjects ? [] : v.projectIds,
        allProjects: v.allProjects,
        active: v.active,
      };
      // A masked phone (no pii.view) is not sent back: it would overwrite the real number.
      const phone =
        staff?.phone?.includes('*') && v.phone === staff.phone ? {} : { phone: v.phone?.trim() || null };
      return staff
        ? api.patch<Staff>(`/api/staff/${staff.id}`, { ...common, ...phone, version: staff.version })
        : api.post<Staff>('/api/staff', {
            ...common,
            ...phone,
            username: v.username.trim(),
            password: v.password,
          });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['staff'] });
          onClose();
        },
      }),
  });

  return (
    <Modal
      open={open}
      title={staff ? t('staff.edit') : t('staff.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={680}
      destroyOnHidden
    >
      <Form<StaffForm>
        form={form}
        layout="vertical"
        initialValues={{ skills: [], roleIds: [], projectIds: [], allProjects: false, active: true }}
        onFinish={(v) => save.mutate(v)}
      >
        <FieldRow columns={2}>
          <Form.Item
            name="username"
            label={t('staff.fields.username')}
            rules={[
              { required: true, message: t('validation.required') },
              { min: 2, message: t('validation.min', { min: 2 }) },
              { pattern: /^[A-Za-z0-9_.-]+$/, message: t('validation.username') },
            ]}
          >
            <Input disabled={Boolean(staff)} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('staff.fields.displayName')}
            rules={[{ required: true, message: t('validation.required') }, { max: 50 }]}
          >
            <Input />
          </Form.Item>
          {!staff && (
            <Form.Item
              name="password"
              label={t('staff.fields.password')}
              rules={[
                { required: true, message: t('validation.required') },
                { min: 8, message: t('validation.passwordMin') },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item
            name="phone"
            label={t('staff.fields.phone')}
            rules={[
              {
                validator: async (_, v?: string) =>
                  !v || v.includes('*') || validPhone(v)
                    ? undefined
                    : Promise.reject(new Error(t('validation.phone'))),
              },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('staff.fields.email')}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="department" label={t('staff.fields.department')}>
            <Input />
          </Form.Item>
        </FieldRow>
        <Form.Item name="skills" label={t('staff.fields.skills')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={t('staff.skillsPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="roleIds"
          label={t('staff.fields.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            loading={roles.isLoading}
            options={(roles.data?.items ?? []).map((r) => ({ value: r.id, label: vocab.roleName(r) }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="staff-roles"
          />
        </Form.Item>
        <FieldRow columns={2}>
          <Form.Item
            name="allProjects"
            label={t('staff.fields.allProjects')}
            valuePropName="checked"
            tooltip={t('staff.allProjectsHint')}
          >
            <Switch disabled={!user?.allProjects} />
          </Form.Item>
          <Form.Item name="active" label={t('staff.fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FieldRow>
        {!allProjects && (
          <Form.Item name="projectIds" label={t('staff.fields.projects')}>
            <Select
              mode="multiple"
              options={projects.map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('staff.projectsPlaceholder')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
