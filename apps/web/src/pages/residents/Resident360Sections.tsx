import { Card, Rate, Space, Table, type TableProps, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ResidentOverview, TicketSummary } from '../../api/types';
import { TicketStatusTag, TicketTypeTag } from '../../components/ServiceTags';
import { formatDateTime } from '../../format';
import { useVocab } from '../../vocab';

type O = ResidentOverview;
const time = (v: string | null) => (v ? formatDateTime(v).slice(0, 16) : '—');

/** A section's table with "latest n of total" under it (the overview sends the latest 20 of each). */
function SectionTable<T extends object>({
  section,
  columns,
  rowKey,
  testId,
}: {
  section: { items: T[]; total: number };
  columns: TableProps<T>['columns'];
  rowKey: keyof T & string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table<T>
        size="small"
        rowKey={rowKey}
        pagination={false}
        columns={columns}
        dataSource={section.items}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        locale={{ emptyText: t('desk.r360.none') }}
      />
      {section.total > section.items.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('desk.r360.shownOf', { shown: section.items.length, total: section.total })}
        </Typography.Text>
      )}
    </>
  );
}

/** Every ticket of the resident and of their units, calls, callbacks with scores, complaints, notices, bindings. */
export function Resident360Sections({ overview: o }: { overview: O }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const ticketColumns: TableProps<TicketSummary>['columns'] = [
    {
      title: t('tickets.fields.number'),
      dataIndex: 'number',
      render: (n: string, x) => <Link to={`/tickets/${x.id}`}>{n}</Link>,
    },
    {
      title: t('tickets.fields.type'),
      dataIndex: 'type',
      render: (v: TicketSummary['type']) => <TicketTypeTag type={v} />,
    },
    {
      title: t('tickets.fields.status'),
      dataIndex: 'status',
      render: (v: TicketSummary['status']) => <TicketStatusTag status={v} />,
    },
    { title: t('tickets.fields.title'), dataIndex: 'title' },
    { title: t('estate.unit.label'), dataIndex: 'unitLabel', render: (v: string | null) => v ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: time },
  ];
  const count = (label: string, total: number): ReactNode => (
    <Space size={4}>
      {label}
      <Tag>{total}</Tag>
    </Space>
  );
  const tabs = [
    {
      key: 'tickets',
      label: count(t('desk.r360.allTickets'), o.tickets.total),
      children: (
        <SectionTable section={o.tickets} columns={ticketColumns} rowKey="id" testId="r360-tickets" />
      ),
    },
    {
      key: 'calls',
      label: count(t('desk.r360.calls'), o.calls.total),
      children: (
        <SectionTable
          section={o.calls}
          rowKey="id"
          testId="r360-calls"
          columns={[
            { title: t('calls.startedAt'), dataIndex: 'startedAt', render: time },
            {
              title: t('calls.directionLabel'),
              dataIndex: 'direction',
              render: (v: string) => t(`calls.direction.${v}`),
            },
            {
              title: t('calls.stateLabel'),
              dataIndex: 'state',
              render: (v: string) => t(`calls.state.${v}`),
            },
            { title: t('calls.from'), dataIndex: 'from' },
            { title: t('calls.to'), dataIndex: 'to' },
            { title: t('quality.agent'), dataIndex: 'agentName', render: (v: string | null) => v ?? '—' },
          ]}
        />
      ),
    },
    {
      key: 'callbacks',
      label: count(t('desk.r360.callbacks'), o.callbacks.total),
      children: (
        <SectionTable
          section={o.callbacks}
          rowKey="id"
          testId="r360-callbacks"
          columns={[
            {
              title: t('tickets.fields.number'),
              dataIndex: 'ticketNumber',
              render: (n: string, c) => <Link to={`/tickets/${c.ticketId}`}>{n}</Link>,
            },
            { title: t('tickets.fields.title'), dataIndex: 'ticketTitle' },
            { title: t('callbacks.due'), dataIndex: 'dueAt', render: time },
            {
              title: t('desk.r360.callbacks'),
              key: 'result',
              render: (_: unknown, c) =>
                c.status !== '已完成' ? (
                  <Tag>{c.status}</Tag>
                ) : c.reached === false ? (
                  <Tag>{t('desk.r360.unreached')}</Tag>
                ) : (
                  <Tag color={c.satisfied ? 'green' : 'red'}>
                    {c.satisfied ? t('desk.r360.satisfied') : t('desk.r360.dissatisfied')}
                  </Tag>
                ),
            },
            {
              title: t('callbacks.scores.overall'),
              key: 'score',
              render: (_: unknown, c) =>
                c.scores.overall ? <Rate disabled value={c.scores.overall} style={{ fontSize: 12 }} /> : '—',
            },
            { title: t('callbacks.comment'), dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
          ]}
        />
      ),
    },
    {
      key: 'complaints',
      label: count(t('desk.r360.complaints'), o.complaints.total),
      children: (
        <SectionTable section={o.complaints} columns={ticketColumns} rowKey="id" testId="r360-complaints" />
      ),
    },
    {
      key: 'notices',
      label: count(t('desk.r360.notices'), o.notices.total),
      children: (
        <SectionTable
          section={o.notices}
          rowKey="id"
          testId="r360-notices"
          columns={[
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: time },
            { title: t('tickets.fields.title'), dataIndex: 'subject' },
            {
              title: t('desk.r360.channel'),
              dataIndex: 'channel',
              render: (v: string) => t(`desk.r360.channels.${v}`),
            },
            {
              title: t('tickets.fields.status'),
              dataIndex: 'status',
              render: (v: string) => t(`desk.r360.deliveryStatus.${v}`),
            },
            { title: t('desk.r360.sentAt'), dataIndex: 'sentAt', render: time },
          ]}
        />
      ),
    },
    {
      key: 'bindings',
      label: count(t('desk.r360.bindings'), o.bindings.total),
      children: (
        <SectionTable
          section={o.bindings}
          rowKey="id"
          testId="r360-bindings"
          columns={[
            { title: t('common.createdAt'), dataIndex: 'createdAt', render: time },
            { title: t('estate.unit.label'), dataIndex: 'unitLabel', render: (v: string | null) => v ?? '—' },
            {
              title: t('desk.r360.kinds.binding'),
              dataIndex: 'kind',
              render: (v: string) => t(`bindings.kind.${v}`),
            },
            {
              title: t('tickets.fields.status'),
              dataIndex: 'status',
              render: (v: string) => t(`bindings.status.${v}`),
            },
            {
              title: t('residents.fields.relation'),
              dataIndex: 'relation',
              render: (v: string) => vocab.relation(v),
            },
          ]}
        />
      ),
    },
    {
      key: 'supervised',
      label: count(t('desk.r360.supervised'), o.supervised.total),
      children: (
        <SectionTable section={o.supervised} columns={ticketColumns} rowKey="id" testId="r360-supervised" />
      ),
    },
  ];
  return (
    <Card size="small">
      <Tabs items={tabs} />
    </Card>
  );
}
