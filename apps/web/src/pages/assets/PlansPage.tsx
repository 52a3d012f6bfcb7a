import { ThunderboltOutlined } from '@ant-design/icons';
import { EQUIPMENT_SYSTEMS } from '@guanjia/shared';
import type { MaintenancePlan } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { frequencyLabel, systemLabel } from './assetText';

interface Template {
  key: string;
  system: string;
  row: string;
  name: string;
  frequency: MaintenancePlan['frequency'];
  basis: MaintenancePlan['basis'];
  equipmentType: string | null;
  items: MaintenancePlan['items'];
}

/** 维保计划: the project's plans, the §3.8 templates, and 按系统生成计划. */
export default function PlansPage() {
  const { t, i18n } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [system, setSystem] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [systems, setSystems] = useState<string[]>([]);
  const query = { projectId: projectId ?? undefined, system, page, pageSize: 50 };
  const plans = useQuery({
    queryKey: ['plans', query],
    queryFn: () => api.get<Page<MaintenancePlan>>('/api/maintenance-plans', query),
    enabled: projectId !== null,
  });
  const templates = useQuery({
    queryKey: ['plan-templates'],
    queryFn: () => api.get<{ items: Template[] }>('/api/maintenance-plans/templates'),
  });
  const generate = useMutation({
    mutationFn: () =>
      api.post<{ created: number; skipped: number; tasks: number }>('/api/maintenance-plans/generate', {
        projectId,
        systems,
      }),
    onSuccess: (r) => {
      void message.success(t('assets.plans.generated', r));
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void queryClient.invalidateQueries({ queryKey: ['inspection-tasks'] });
    },
    onError: (error) => onError(error),
  });
  const freq = (f: MaintenancePlan['frequency']) => frequencyLabel(t, f, i18n.language);
  const itemsText = (items: MaintenancePlan['items']) =>
    items
      .map((i) =>
        i.kind === 'number' ? `${i.label}（${i.min ?? '—'}–${i.max ?? '—'}${i.unit ?? ''}）` : i.label,
      )
      .join('；');
  return (
    <div data-testid="plans-page">
      <PageHeader
        title={t('assets.nav.plans')}
        extra={
          can('assets.write') && (
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              onClick={() => setOpen(true)}
              data-testid="generate-plans"
            >
              {t('assets.plans.generate')}
            </Button>
          )
        }
      />
      <Tabs
        items={[
          {
            key: 'plans',
            label: t('assets.plans.plans'),
            children: (
              <>
                <Select
                  allowClear
                  placeholder={t('assets.fields.system')}
                  value={system}
                  onChange={(v) => {
                    setSystem(v);
                    setPage(1);
                  }}
                  options={EQUIPMENT_SYSTEMS.map((s) => ({ value: s, label: systemLabel(t, s) }))}
                  style={{ width: 160, marginBottom: 12 }}
                />
                <Table<MaintenancePlan>
                  rowKey="id"
                  size="small"
                  loading={plans.isLoading}
                  dataSource={plans.data?.items}
                  pagination={{ current: page, pageSize: 50, total: plans.data?.total, onChange: setPage }}
                  columns={[
                    {
                      title: t('assets.fields.system'),
                      dataIndex: 'system',
                      width: 110,
                      render: (v: string) => systemLabel(t, v),
                    },
                    {
                      title: t('assets.plans.name'),
                      dataIndex: 'name',
                      render: (v: string, r) => (
                        <Space direction="vertical" size={0}>
                          <span>{v}</span>
                          {r.missedWarningAt && <Tag color="red">{t('assets.plans.warned')}</Tag>}
                        </Space>
                      ),
                    },
                    { title: t('assets.plans.frequency'), width: 130, render: (_, r) => freq(r.frequency) },
                    {
                      title: t('assets.plans.basis'),
                      width: 110,
                      render: (_, r) => t(`assets.basis.${r.basis}`),
                    },
                    {
                      title: t('assets.plans.target'),
                      width: 130,
                      render: (_, r) =>
                        `${t(`assets.target.${r.target}`)}${r.equipmentType ? `：${r.equipmentType}` : ''}`,
                    },
                    {
                      title: t('assets.plans.items'),
                      render: (_, r) => (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          v{r.checklistVersion} · {itemsText(r.items)}
                        </Typography.Text>
                      ),
                    },
                    {
                      title: t('assets.plans.generatedUntil'),
                      dataIndex: 'generatedUntil',
                      width: 120,
                      render: (v: string | null) => formatDate(v),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'templates',
            label: t('assets.plans.templates'),
            children: (
              <Table<Template>
                rowKey="key"
                size="small"
                loading={templates.isLoading}
                dataSource={templates.data?.items}
                pagination={{ pageSize: 100 }}
                data-testid="plan-templates"
                columns={[
                  {
                    title: t('assets.fields.system'),
                    dataIndex: 'system',
                    width: 110,
                    render: (v: string) => systemLabel(t, v),
                  },
                  { title: t('assets.plans.row'), dataIndex: 'row', width: 120 },
                  { title: t('assets.plans.name'), dataIndex: 'name' },
                  { title: t('assets.plans.frequency'), width: 130, render: (_, r) => freq(r.frequency) },
                  { title: t('assets.plans.items'), render: (_, r) => itemsText(r.items) },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('assets.plans.generate')}
        onCancel={() => setOpen(false)}
        onOk={() => generate.mutate()}
        okButtonProps={{ disabled: !systems.length }}
        confirmLoading={generate.isPending}
      >
        <Typography.Paragraph type="secondary">{t('assets.plans.generateHint')}</Typography.Paragraph>
        <Checkbox.Group
          value={systems}
          onChange={(v) => setSystems(v as string[])}
          options={[...new Set((templates.data?.items ?? []).map((x) => x.system))].map((s) => ({
            value: s,
            label: systemLabel(t, s),
          }))}
        />
      </Modal>
    </div>
  );
}
