import type { TicketStatus, TicketType } from '@guanjia/shared';
import { Space, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TicketSummary } from '../../api/types';
import { PriorityTag, TicketStatusTag, TicketTypeTag } from '../../components/ServiceTags';
import { SlaBadgeTag } from '../../components/SlaCountdown';
import { formatDateTime } from '../../format';
import { CLASSIFIED_LATER, ClassifyPopover } from './ClassifyPopover';

/** The ticket list's columns: number with its reopen and 督办 tags, type, title, unit, status, SLA, owner, time. */
export function useTicketColumns(canClassify: boolean): TableProps<TicketSummary>['columns'] {
  const { t } = useTranslation();
  return [
    {
      title: t('tickets.fields.number'),
      dataIndex: 'number',
      width: 160,
      fixed: 'left',
      render: (n: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link
            to={`/tickets/${r.id}`}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            data-testid="ticket-link"
          >
            {n}
          </Link>
          {r.reopenCount > 0 && (
            <Tag color="magenta" style={{ marginInlineEnd: 0, fontSize: 11 }}>
              {t('tickets.reopened', { count: r.reopenCount })}
            </Tag>
          )}
          {r.supervisionDueAt && (
            <Tag color="volcano" style={{ marginInlineEnd: 0, fontSize: 11 }} data-testid="supervised-tag">
              {t('complaints.supervised')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('tickets.fields.type'),
      dataIndex: 'type',
      width: 110,
      render: (v: TicketType, r) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <TicketTypeTag type={v} />
            {r.priority !== '一般' && <PriorityTag priority={r.priority} />}
          </Space>
          {canClassify &&
            CLASSIFIED_LATER.includes(r.channel) &&
            r.status !== '已关闭' &&
            r.status !== '已取消' && <ClassifyPopover ticket={r} />}
        </Space>
      ),
    },
    {
      title: t('tickets.fields.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <div style={{ minWidth: 180 }}>
          <Link to={`/tickets/${r.id}`} style={{ color: 'inherit' }}>
            {v}
          </Link>
          {r.categoryPath && (
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{r.categoryPath.replaceAll('/', ' › ')}</div>
          )}
        </div>
      ),
    },
    {
      title: t('tickets.fields.unitAndContact'),
      key: 'unit',
      width: 150,
      render: (_: unknown, r) => (
        <div>
          <div>{r.unitLabel ?? '—'}</div>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>
            {[r.contactName, r.contactPhone].filter(Boolean).join(' · ') || '—'}
          </div>
        </div>
      ),
    },
    {
      title: t('tickets.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: TicketStatus) => <TicketStatusTag status={v} />,
    },
    {
      title: t('tickets.fields.sla'),
      key: 'sla',
      width: 150,
      render: (_: unknown, r) =>
        r.status === '已关闭' || r.status === '已取消' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <SlaBadgeTag state={r.sla.state} dueAt={r.sla.dueAt} testId={`sla-${r.number}`} />
        ),
    },
    {
      title: t('tickets.fields.owner'),
      dataIndex: 'ownerName',
      width: 100,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('tickets.unowned')}</Typography.Text>,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (v: string) => (
        <Tooltip title={formatDateTime(v)}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>
        </Tooltip>
      ),
    },
  ];
}
