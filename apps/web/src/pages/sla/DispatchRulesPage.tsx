import { PlusOutlined } from '@ant-design/icons';
import type { DispatchMode } from '@guanjia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Cascader,
  Form,
  Modal,
  Segmented,
  Select,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCategoryOptions } from '../../api/serviceHooks';
import type { DispatchRule } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { DeleteButton } from '../../components/DeleteButton';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useServiceVocab } from '../../serviceVocab';

interface RuleValues {
  scope: 'company' | 'project';
  categoryPath?: number[];
  mode: DispatchMode;
}

/** 派单规则: dispatch mode per project × category (the most specific wins), else the project default. */
export default function DispatchRulesPage() {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const { user, projectId, project, projects, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RuleValues>();
  const [adding, setAdding] = useState(false);
  const { options, byId } = useCategoryOptions(projectId);
  const manage = can('sla.manage');
  const rules = useQuery({
    queryKey: ['dispatch-rules', projectId],
    queryFn: () =>
      api.get<{ defaultMode: DispatchMode | null; items: DispatchRule[] }>('/api/dispatch-rules', {
        projectId: projectId ?? undefined,
      }),
    enabled: Boolean(projectId),
  });
  const save = useMutation({
    mutationFn: (body: { projectId: number | null; categoryId: number | null; mode: DispatchMode }) =>
      api.put<DispatchRule>('/api/dispatch-rules', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['dispatch-rules'] });
      void message.success(t('common.saved'));
      setAdding(false);
      form.resetFields();
    },
    onError: (error) => onError(error, { form }),
  });

  const columns: TableProps<DispatchRule>['columns'] = [
    {
      title: t('slaPolicies.fields.scope'),
      dataIndex: 'projectId',
      render: (v: number | null) =>
        v === null ? t('settings.scopes.company') : (projects.find((p) => p.id === v)?.name ?? `#${v}`),
    },
    {
      title: t('tickets.fields.category'),
      dataIndex: 'categoryId',
      render: (v: number | null) =>
        v ? (
          (byId.get(v)?.path.replaceAll('/', ' › ') ?? `#${v}`)
        ) : (
          <Typography.Text type="secondary">{t('slaPolicies.any')}</Typography.Text>
        ),
    },
    {
      title: t('dispatchRules.mode'),
      dataIndex: 'mode',
      width: 200,
      render: (mode: DispatchMode, r) =>
        manage ? (
          <Select<DispatchMode>
            value={mode}
            style={{ width: 160 }}
            options={sv.dispatchModeOptions}
            onChange={(next) => save.mutate({ projectId: r.projectId, categoryId: r.categoryId, mode: next })}
          />
        ) : (
          sv.dispatchMode(mode)
        ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, r: DispatchRule) => (
              <DeleteButton
                path={`/api/dispatch-rules/${r.id}`}
                version={r.version}
                invalidate={['dispatch-rules']}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('dispatchRules.title')}
        subTitle={t('dispatchRules.subtitle')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('dispatchRules.add')}
            </Button>
          )
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('dispatchRules.defaultLine', {
          project: project?.name ?? '',
          mode: rules.data?.defaultMode ? sv.dispatchMode(rules.data.defaultMode) : '—',
        })}
        description={t('dispatchRules.modesHint')}
      />
      <Card>
        <Table<DispatchRule>
          rowKey="id"
          size="middle"
          loading={rules.isLoading}
          dataSource={rules.data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('dispatchRules.empty') }}
        />
      </Card>
      <Modal
        open={adding}
        title={t('dispatchRules.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form<RuleValues>
          form={form}
          layout="vertical"
          initialValues={{ scope: 'project', mode: 'assign' }}
          onFinish={(v) =>
            save.mutate({
              projectId: v.scope === 'company' ? null : projectId,
              categoryId: v.categoryPath?.length ? (v.categoryPath[v.categoryPath.length - 1] ?? null) : null,
              mode: v.mode,
            })
          }
        >
          <Form.Item name="scope" label={t('slaPolicies.fields.scope')}>
            <Segmented
              options={[
                { value: 'project', label: project?.name ?? t('settings.scopes.project') },
                ...(user?.allProjects ? [{ value: 'company', label: t('settings.scopes.company') }] : []),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="categoryPath"
            label={t('tickets.fields.category')}
            extra={t('dispatchRules.categoryHint')}
          >
            <Cascader changeOnSelect options={options} placeholder={t('slaPolicies.any')} showSearch />
          </Form.Item>
          <Form.Item name="mode" label={t('dispatchRules.mode')}>
            <Select options={sv.dispatchModeOptions} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
