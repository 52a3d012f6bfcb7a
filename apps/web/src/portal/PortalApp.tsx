import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  ConfigProvider,
  Empty,
  List,
  Row,
  Space,
  Spin,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useEnumLabel } from '../enumLabel';
import { applyLocale } from '../i18n';
import { type PortalIncident, type PortalMe, type PortalNotice, portalApi } from './api';
import { PortalBills } from './PortalBills';
import { BindingRequestCard, HouseholdCard, MyBindingRequests } from './PortalBindings';
import { PortalBookings } from './PortalBookings';
import { PortalBrand } from './PortalBrand';
import { PortalDecoration } from './PortalDecoration';
import { PortalParcels, PortalReleases, PortalVisitors } from './PortalDesk';
import { PortalKb } from './PortalKb';
import { PortalLogin } from './PortalLogin';
import { ReportTab } from './PortalReport';
import { PortalSurveys } from './PortalSurveys';
import { PortalTicketDetail, PortalTicketList } from './PortalTickets';
import { PortalTimezone, usePortalTime } from './time';

const LARGE_KEY = 'guanjia.portal.largeFont';

function useLargeFont(): [boolean, (v: boolean) => void] {
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_KEY) === '1');
  return [
    large,
    (v) => {
      localStorage.setItem(LARGE_KEY, v ? '1' : '0');
      setLarge(v);
    },
  ];
}

/** The resident H5 portal at /portal: mobile first, its own session, large-font mode for elderly residents. */
export default function PortalApp() {
  const { t, i18n } = useTranslation();
  const [large, setLarge] = useLargeFont();
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ['portal', 'me'],
    queryFn: () => portalApi.get<PortalMe>('/api/portal/me'),
    retry: false,
    meta: { silent: true },
  });
  const loggedOut = me.error instanceof ApiError && me.error.status === 401;
  const logout = useMutation({
    mutationFn: () => portalApi.post('/api/portal/auth/logout'),
    onSettled: () => queryClient.removeQueries({ queryKey: ['portal'] }),
  });

  return (
    <ConfigProvider theme={{ token: { fontSize: large ? 20 : 15, controlHeight: large ? 44 : 34 } }}>
      <div
        style={{ maxWidth: 640, margin: '0 auto', padding: 12, minHeight: '100vh', background: '#f5f5f5' }}
      >
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('portal.title')}
          </Typography.Title>
          <Space wrap>
            <Space size={4}>
              <Switch checked={large} onChange={setLarge} size="small" data-testid="portal-large-font" />
              <span>{t('portal.largeFont')}</span>
            </Space>
            <Button size="small" onClick={() => void applyLocale(i18n.language === 'en' ? 'zh-CN' : 'en')}>
              {t('portal.language')}
            </Button>
            {me.data && (
              <Button size="small" onClick={() => logout.mutate()}>
                {t('portal.logout')}
              </Button>
            )}
          </Space>
        </Space>
        {me.isLoading ? (
          <Spin />
        ) : loggedOut || !me.data ? (
          <PortalLogin onLoggedIn={() => void queryClient.invalidateQueries({ queryKey: ['portal'] })} />
        ) : (
          <PortalTimezone.Provider value={me.data.timezone}>
            <PortalBrand />
            <PortalHome me={me.data} />
          </PortalTimezone.Provider>
        )}
      </div>
    </ConfigProvider>
  );
}

function PortalHome({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  // `/portal?tab=visitors` opens a tab directly (links in messages; tabs past a phone's width).
  const [tab, setTab] = useState(() => new URLSearchParams(window.location.search).get('tab') ?? 'home');
  const [openTicket, setOpenTicket] = useState<number | null>(null);
  const notices = useQuery({
    queryKey: ['portal', 'notices'],
    queryFn: () =>
      portalApi.get<{ items: PortalNotice[]; unread: number }>('/api/portal/notices', { pageSize: 50 }),
    refetchInterval: 30_000,
  });
  // Past the first four tabs a phone's tab bar overflows: the home page lists these as a grid too.
  const services = [
    { key: 'bills', label: t('payments.portal.tab'), children: <PortalBills /> },
    { key: 'visitors', label: t('frontdesk.portal.visitors'), children: <PortalVisitors me={me} /> },
    { key: 'parcels', label: t('frontdesk.portal.parcels'), children: <PortalParcels /> },
    { key: 'releases', label: t('frontdesk.portal.releases'), children: <PortalReleases me={me} /> },
    { key: 'kb', label: t('portalKb.tab'), children: <PortalKb /> },
    { key: 'surveys', label: t('surveys.portal.tab'), children: <PortalSurveys /> },
    { key: 'bookings', label: t('fds.portal.bookingsTab'), children: <PortalBookings me={me} /> },
    { key: 'decoration', label: t('fds.portal.decorationTab'), children: <PortalDecoration me={me} /> },
  ];
  const open = (k: string) => {
    setTab(k);
    setOpenTicket(null);
  };
  return (
    <Tabs
      activeKey={tab}
      onChange={open}
      centered
      items={[
        {
          key: 'home',
          label: t('portal.tabs.home'),
          children: <HomeTab me={me} services={services} onOpen={open} />,
        },
        {
          key: 'report',
          label: t('portal.tabs.report'),
          children: (
            <ReportTab
              me={me}
              onDone={(id) => {
                setTab('tickets');
                setOpenTicket(id);
              }}
            />
          ),
        },
        {
          key: 'tickets',
          label: t('portal.tabs.tickets'),
          children: openTicket ? (
            <PortalTicketDetail id={openTicket} onBack={() => setOpenTicket(null)} />
          ) : (
            <PortalTicketList onOpen={setOpenTicket} />
          ),
        },
        {
          key: 'notices',
          label: (
            <Badge count={notices.data?.unread ?? 0} size="small" offset={[8, 0]} data-testid="portal-unread">
              {t('portal.tabs.notices')}
            </Badge>
          ),
          children: <NoticesTab items={notices.data?.items ?? []} />,
        },
        ...services,
      ]}
    />
  );
}

function HomeTab({
  me,
  services,
  onOpen,
}: {
  me: PortalMe;
  services: { key: string; label: ReactNode }[];
  onOpen: (key: string) => void;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [bindAnother, setBindAnother] = useState(false);
  const incidents = useQuery({
    queryKey: ['portal', 'incidents'],
    queryFn: () => portalApi.get<{ items: PortalIncident[] }>('/api/portal/incidents'),
    refetchInterval: 30_000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={t('portal.activeIncidents')} size="small">
        {incidents.data?.items.length ? (
          incidents.data.items.map((i) => (
            <Alert
              key={i.id}
              type={i.emergency ? 'error' : 'warning'}
              showIcon
              style={{ marginBottom: 8 }}
              title={`${label(i.kind)} · ${i.title}`}
              description={i.text}
              data-testid="portal-incident"
            />
          ))
        ) : (
          <Typography.Text type="secondary">{t('portal.noIncidents')}</Typography.Text>
        )}
      </Card>
      <Card title={t('portal.services')} size="small">
        <Row gutter={[8, 8]}>
          {services.map((s) => (
            <Col span={6} key={s.key}>
              <Button
                block
                size="small"
                onClick={() => onOpen(s.key)}
                data-testid={`portal-service-${s.key}`}
              >
                {s.label}
              </Button>
            </Col>
          ))}
        </Row>
      </Card>
      <Card
        title={t('portal.myUnits')}
        size="small"
        extra={
          <Typography.Text type="secondary">
            {t('bindings.portal.company', { name: me.company.name })}
          </Typography.Text>
        }
      >
        {me.units.length ? (
          <List
            dataSource={me.units}
            renderItem={(u) => (
              <List.Item data-testid={`portal-unit-${u.id}`}>
                {u.label} <Tag>{label(u.relation)}</Tag>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="portal-no-units">
            {t('bindings.portal.noUnitsIntro')}
          </Typography.Text>
        )}
      </Card>
      <MyBindingRequests />
      <HouseholdCard me={me} />
      {me.units.length ? (
        bindAnother ? (
          <BindingRequestCard title={t('bindings.portal.bindAnother')} />
        ) : (
          <Button block onClick={() => setBindAnother(true)} data-testid="portal-bind-another">
            {t('bindings.portal.bindAnother')}
          </Button>
        )
      ) : (
        <BindingRequestCard title={t('bindings.portal.bindTitle')} />
      )}
    </Space>
  );
}

function NoticesTab({ items }: { items: PortalNotice[] }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const time = usePortalTime();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<number | null>(null);
  const read = useMutation({
    mutationFn: (id: number) => portalApi.post(`/api/portal/notices/${id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['portal', 'notices'] }),
  });
  if (!items.length) return <Empty description={t('portal.noNotices')} />;
  return (
    <List
      dataSource={items}
      renderItem={(n) => (
        <List.Item
          onClick={() => {
            setOpen(open === n.id ? null : n.id);
            if (!n.read) read.mutate(n.id);
          }}
          style={{ cursor: 'pointer', display: 'block' }}
          data-testid={`portal-notice-${n.id}`}
        >
          <Space wrap>
            {!n.read && <Badge status="processing" text={t('portal.unread')} />}
            {n.urgent && <Tag color="red">{label(n.type)}</Tag>}
            <Typography.Text strong>{n.title}</Typography.Text>
          </Space>
          <div>
            <Typography.Text type="secondary">{time(n.publishedAt)}</Typography.Text>
          </div>
          {open === n.id && <Typography.Paragraph style={{ marginTop: 8 }}>{n.body}</Typography.Paragraph>}
        </List.Item>
      )}
    />
  );
}
