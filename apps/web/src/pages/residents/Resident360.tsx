import { PlusOutlined } from '@ant-design/icons';
import { OPEN_TICKET_STATUSES, type TicketStatus } from '@guanjia/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { ResidentOverview } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { TicketStatusTag, TicketTypeTag } from '../../components/ServiceTags';
import { useVocab } from '../../vocab';
import { UnitArrears } from '../billing/UnitArrears';
import { DialButton } from '../tickets/DialButton';
import { UrgeButton } from '../tickets/UrgeButton';
import { Resident360Notes } from './Resident360Notes';
import { Resident360Sections } from './Resident360Sections';
import { Resident360Timeline } from './Resident360Timeline';

const OPEN: readonly string[] = OPEN_TICKET_STATUSES;
export const isOpen = (status: TicketStatus) => OPEN.includes(status);

export function useResident360(residentId: number) {
  return useQuery({
    queryKey: ['resident360', residentId],
    queryFn: () => api.get<ResidentOverview>(`/api/residents/${residentId}/overview`),
    enabled: Number.isFinite(residentId),
  });
}

/**
 * 客户360: the open tickets of the resident and of their units first (Q44 — the agent sees the tenant's
 * burst pipe before logging it a second time, and chases it with 催单), then every section and one
 * timeline; quick actions on the right. `callId` links a chase to the call being taken.
 */
export function Resident360({ residentId, callId }: { residentId: number; callId?: number | null }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { can } = useAuth();
  const navigate = useNavigate();
  const overview = useResident360(residentId);
  const o = overview.data;
  if (overview.isLoading || !o) return <Card loading />;
  const open = o.tickets.items.filter((x) => isOpen(x.status));
  const r = o.resident;
  const firstPhone = r.phones[0]?.number ?? null;

  return (
    <Row gutter={[16, 16]} data-testid="resident-360">
      <Col xs={24} xl={16}>
        <Card
          size="small"
          title={
            <Space>
              {t('desk.r360.openTickets')}
              <Tag color={o.tickets.open ? 'red' : 'default'}>
                {t('desk.r360.openCount', { count: o.tickets.open })}
              </Tag>
            </Space>
          }
          style={{ marginBottom: 16 }}
        >
          <List
            size="small"
            dataSource={open}
            data-testid="r360-open-tickets"
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.r360.none')} />,
            }}
            renderItem={(x) => (
              <List.Item
                data-testid={`r360-open-${x.number}`}
                actions={[
                  <UrgeButton key="urge" ticket={x} callId={callId} onDone={() => void overview.refetch()} />,
                ]}
              >
                <Space wrap size={6}>
                  <Link to={`/tickets/${x.id}`}>{x.number}</Link>
                  <TicketTypeTag type={x.type} />
                  <TicketStatusTag status={x.status} />
                  <span>{x.title}</span>
                  {x.unitLabel && <Typography.Text type="secondary">{x.unitLabel}</Typography.Text>}
                  <Tag color={x.residentId === r.id ? 'blue' : 'purple'}>
                    {x.residentId === r.id ? t('desk.r360.ownTicket') : t('desk.r360.householdTicket')}
                  </Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Resident360Sections overview={o} />
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {can('calls.handle') && (
              <div>
                <Typography.Text type="secondary">{t('desk.r360.callBack')}：</Typography.Text>
                <DialButton dialUrl={`/api/residents/${r.id}/dial`} phone={firstPhone} testId="r360-dial" />
              </div>
            )}
            {can('tickets.write') &&
              r.units.map((u) => (
                <Button
                  key={u.unitId}
                  block
                  icon={<PlusOutlined />}
                  data-testid={`r360-new-ticket-${u.unitId}`}
                  onClick={() =>
                    void navigate(
                      `/tickets/new?residentId=${r.id}&unitId=${u.unitId}${callId ? `&callId=${callId}` : ''}`,
                    )
                  }
                >
                  {t('desk.r360.newTicket')}：{u.label}
                </Button>
              ))}
          </Space>
        </Card>
        {can('billing.read') && r.units.length > 0 && (
          <Card size="small" title={t('payments.arrearsBrief.title')} style={{ marginBottom: 16 }}>
            <UnitArrears unitIds={r.units.map((u) => u.unitId)} />
          </Card>
        )}
        <Card size="small" title={t('desk.r360.household')} style={{ marginBottom: 16 }}>
          {o.household.length ? (
            <List
              size="small"
              dataSource={o.household}
              renderItem={(h) => (
                <List.Item>
                  <Space size={6}>
                    <Link to={`/residents/${h.residentId}`}>{h.name}</Link>
                    {h.vip && <Tag color="gold">VIP</Tag>}
                    <Typography.Text type="secondary">
                      {h.unitLabel}（{vocab.relation(h.relation)}）
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">{t('desk.r360.noHousehold')}</Typography.Text>
          )}
        </Card>
        <Resident360Notes residentId={r.id} notes={o.notes} />
        <Card size="small" title={t('desk.r360.timeline')}>
          <Resident360Timeline items={o.timeline} />
        </Card>
      </Col>
    </Row>
  );
}
