import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaCalendar } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { DeleteButton } from '../../components/DeleteButton';
import { PageHeader } from '../../components/PageHeader';
import { CalendarEditor, WEEKDAY_KEYS } from './CalendarEditor';
import { useCalendars } from './SlaPoliciesPage';

export default function CalendarsPage() {
  const { t } = useTranslation();
  const { projectId, projects, can } = useAuth();
  const calendars = useCalendars(projectId);
  const [editing, setEditing] = useState<SlaCalendar | 'new' | null>(null);
  const manage = can('sla.manage');

  const columns: TableProps<SlaCalendar>['columns'] = [
    {
      title: t('calendars.fields.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {c.isDefault && <Tag color="blue">{t('calendars.default')}</Tag>}
          {c.always && <Tag color="purple">{t('sla.calendar24x7')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('slaPolicies.fields.scope'),
      dataIndex: 'projectId',
      render: (v: number | null) =>
        v === null ? t('settings.scopes.company') : (projects.find((p) => p.id === v)?.name ?? `#${v}`),
    },
    {
      title: t('calendars.weekdays'),
      key: 'periods',
      render: (_: unknown, c) =>
        c.always ? (
          '24×7'
        ) : (
          <Space orientation="vertical" size={0} style={{ fontSize: 12 }}>
            {WEEKDAY_KEYS.map((key, day) => (
              <span key={key}>
                <Typography.Text type="secondary">{t(`calendars.days.${key}`)}</Typography.Text>{' '}
                {(c.weekdays[day] ?? []).map((p) => `${p.start}–${p.end}`).join('，') ||
                  t('calendars.dayOff')}
              </span>
            ))}
          </Space>
        ),
    },
    {
      title: t('calendars.standardDay'),
      dataIndex: 'standardDayMinutes',
      render: (v: number) => t('calendars.hours', { value: Math.round((v / 60) * 10) / 10 }),
    },
    {
      title: t('calendars.fields.holidays'),
      dataIndex: 'holidays',
      render: (v: string[]) => t('calendars.dayCount', { count: v.length }),
    },
    {
      title: t('calendars.fields.extraWorkdays'),
      dataIndex: 'extraWorkdays',
      render: (v: string[]) => (v.length ? v.join('、') : '—'),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, c: SlaCalendar) => (
              <>
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(c)}>
                  {t('common.edit')}
                </Button>
                <DeleteButton
                  path={`/api/calendars/${c.id}`}
                  version={c.version}
                  invalidate={['calendars']}
                />
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('calendars.title')}
        subTitle={t('calendars.subtitle')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="calendar-create"
            >
              {t('calendars.create')}
            </Button>
          )
        }
      />
      <Card>
        <Table<SlaCalendar>
          rowKey="id"
          size="middle"
          loading={calendars.isLoading}
          dataSource={calendars.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendars.empty')} />,
          }}
        />
      </Card>
      <CalendarEditor
        open={editing !== null}
        calendar={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
