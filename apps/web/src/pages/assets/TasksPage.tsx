import { EQUIPMENT_SYSTEMS, TASK_STATUSES } from '@guanjia/shared';
import type { InspectionTask, InspectionTaskDetail, MaintenancePlan } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Drawer, List, Segmented, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { frequencyLabel, systemLabel, TASK_COLOR } from './assetText';

type View = 'day' | 'overdue';

/** 巡检任务: the board by day and status, overdue tasks, and plans raised by the 5-missed rule. */
export default function TasksPage() {
  const { t, i18n } = useTranslation();
  const { projectId } = useAuth();
  const [params] = useSearchParams();
  const [view, setView] = useState<View>('day');
  const [day, setDay] = useState(dayjs());
  const [status, setStatus] = useState<string | undefined>();
  const [system, setSystem] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const query = {
    projectId: projectId ?? undefined,
    due: view === 'overdue' ? 'overdue' : day.format('YYYY-MM-DD'),
    status: view === 'overdue' ? undefined : status,
    system,
    page,
    pageSize: 50,
  };
  const tasks = useQuery({
    queryKey: ['inspection-tasks', query],
    queryFn: () => api.get<Page<InspectionTask>>('/api/inspection-tasks', query),
    enabled: projectId !== null,
  });
  const warned = useQuery({
    queryKey: ['plans', 'warned', projectId],
    queryFn: () =>
      api.get<Page<MaintenancePlan>>('/api/maintenance-plans', {
        projectId: projectId ?? undefined,
        warned: 'true',
        pageSize: 100,
      }),
    enabled: projectId !== null,
  });
  const detail = useQuery({
    queryKey: ['inspection-tasks', 'detail', openId],
    queryFn: () => api.get<InspectionTaskDetail>(`/api/inspection-tasks/${openId}`),
    enabled: openId !== null,
  });
  const board = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={(v) => {
            setView(v);
            setPage(1);
          }}
          options={[
            { value: 'day', label: t('assets.tasks.day') },
            { value: 'overdue', label: t('assets.tasks.overdue') },
          ]}
        />
        {view === 'day' && <DatePicker value={day} allowClear={false} onChange={(d) => d && setDay(d)} />}
        {view === 'day' && (
          <Segmented<string>
            value={status ?? 'all'}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('assets.tasks.all') },
              ...TASK_STATUSES.map((s) => ({ value: s, label: t(`assets.taskStatus.${s}`) })),
            ]}
          />
        )}
        <Select
          allowClear
          placeholder={t('assets.fields.system')}
          value={system}
          onChange={setSystem}
          options={EQUIPMENT_SYSTEMS.map((s) => ({ value: s, label: systemLabel(t, s) }))}
          style={{ width: 150 }}
        />
      </Space>
      <Table<InspectionTask>
        rowKey="id"
        size="small"
        loading={tasks.isLoading}
        dataSource={tasks.data?.items}
        pagination={{
          current: page,
          pageSize: 50,
          total: tasks.data?.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        data-testid="task-board"
        columns={[
          {
            title: t('assets.fields.system'),
            dataIndex: 'system',
            width: 110,
            render: (v: string) => systemLabel(t, v),
          },
          { title: t('assets.tasks.title'), dataIndex: 'title' },
          {
            title: t('assets.tasks.equipment'),
            render: (_, r) => (r.equipmentCode ? `${r.equipmentCode} ${r.equipmentName ?? ''}` : '—'),
          },
          {
            title: t('assets.tasks.due'),
            dataIndex: 'dueAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('assets.fields.status'),
            width: 150,
            render: (_, r) => (
              <Space size={4}>
                <Tag color={TASK_COLOR[r.status]}>{t(`assets.taskStatus.${r.status}`)}</Tag>
                {r.overdue && <Tag color="red">{t('assets.tasks.overdue')}</Tag>}
                {r.onTime === false && <Tag color="orange">{t('assets.tasks.late')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('assets.tasks.defects'),
            dataIndex: 'defects',
            width: 80,
            render: (v: number) => (v ? <Tag color="red">{v}</Tag> : ''),
          },
        ]}
      />
    </>
  );
  const warnings = (
    <>
      <Alert type="warning" showIcon message={t('assets.tasks.warningsHint')} style={{ marginBottom: 12 }} />
      <Table<MaintenancePlan>
        rowKey="id"
        size="small"
        dataSource={warned.data?.items}
        pagination={false}
        data-testid="missed-warnings"
        columns={[
          {
            title: t('assets.fields.system'),
            dataIndex: 'system',
            width: 110,
            render: (v: string) => systemLabel(t, v),
          },
          { title: t('assets.plans.name'), dataIndex: 'name' },
          {
            title: t('assets.plans.frequency'),
            render: (_, r) => frequencyLabel(t, r.frequency, i18n.language),
          },
          {
            title: t('assets.plans.warned'),
            dataIndex: 'missedWarningAt',
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
    </>
  );
  const d = detail.data;
  return (
    <div data-testid="tasks-page">
      <PageHeader title={t('assets.nav.tasks')} />
      <Tabs
        defaultActiveKey={params.get('warned') ? 'warnings' : 'board'}
        items={[
          { key: 'board', label: t('assets.nav.tasks'), children: board },
          {
            key: 'warnings',
            label: (
              <span>
                {t('assets.tasks.warnings')}{' '}
                {warned.data?.total ? <Tag color="red">{warned.data.total}</Tag> : null}
              </span>
            ),
            children: warnings,
          },
        ]}
      />
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} width={520} title={d?.title}>
        {d && (
          <List
            header={t('assets.tasks.results')}
            dataSource={d.items}
            renderItem={(item) => {
              const r = d.results.find((x) => x.itemId === item.id);
              return (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <span>{item.label}</span>
                    {r && (
                      <Space size={4}>
                        {r.pass !== null && (
                          <Tag color={r.pass ? 'green' : 'red'}>
                            {r.pass ? t('assets.tech.pass') : t('assets.tech.fail')}
                          </Tag>
                        )}
                        {r.value !== null && (
                          <Tag color={r.failed ? 'red' : 'green'}>{`${r.value}${item.unit ?? ''}`}</Tag>
                        )}
                        {r.text && <span>{r.text}</span>}
                        {r.workOrderNumber && (
                          <Tag color={r.workOrderStatus === '已完成' ? 'green' : 'orange'}>
                            {t('assets.tech.workOrder', {
                              number: r.workOrderNumber,
                              status: r.workOrderStatus,
                            })}
                          </Tag>
                        )}
                      </Space>
                    )}
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
      </Drawer>
    </div>
  );
}
