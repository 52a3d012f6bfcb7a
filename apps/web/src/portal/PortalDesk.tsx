import type { DeskEntry } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../components/feedback';
import { type PortalMe, portalApi } from './api';
import { usePortalTime } from './time';

const status = (t: (k: string) => string, s: string) => <Tag>{t(`frontdesk.status.${s}`)}</Tag>;

function useMine(path: string) {
  return useQuery({ queryKey: ['portal', path], queryFn: () => portalApi.get<{ items: DeskEntry[] }>(path) });
}

/** 访客预约: invite a visitor to one of my units and share the pass (QR picture, code). */
export function PortalVisitors({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const when = usePortalTime();
  const app = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ unitId: number; visitorName: string; plate?: string; hours: number }>();
  const [shown, setShown] = useState<number | null>(null);
  const list = useMine('/api/portal/visitor-passes');
  const add = useMutation({
    mutationFn: (v: { unitId: number; visitorName: string; plate?: string; hours: number }) =>
      portalApi.post<DeskEntry>('/api/portal/visitor-passes', {
        unitId: v.unitId,
        visitorName: v.visitorName,
        plate: v.plate ?? '',
        validUntil: new Date(Date.now() + v.hours * 3_600_000).toISOString(),
      }),
    onSuccess: (p) => {
      setShown(p.id);
      form.resetFields(['visitorName', 'plate']);
      void qc.invalidateQueries({ queryKey: ['portal', '/api/portal/visitor-passes'] });
    },
    onError: (e) => reportError(app, t, e, { form }),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => portalApi.post(`/api/portal/visitor-passes/${id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', '/api/portal/visitor-passes'] }),
    onError: (e) => reportError(app, t, e),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('frontdesk.portal.newVisitor')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ unitId: me.units[0]?.id, hours: 4 }}
          onFinish={(v) => add.mutate(v)}
        >
          <Form.Item name="unitId" label={t('frontdesk.common.unit')} rules={[{ required: true }]}>
            <Select options={me.units.map((u) => ({ value: u.id, label: u.label }))} />
          </Form.Item>
          <Form.Item
            name="visitorName"
            label={t('frontdesk.visitors.visitorName')}
            rules={[{ required: true }]}
          >
            <Input maxLength={40} data-testid="portal-visitor-name" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="plate" label={t('frontdesk.visitors.plate')}>
              <Input maxLength={12} />
            </Form.Item>
            <Form.Item name="hours" label={t('frontdesk.visitors.validHours')}>
              <InputNumber min={1} max={168} />
            </Form.Item>
          </Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={add.isPending}
            block
            data-testid="portal-visitor-submit"
          >
            {t('frontdesk.portal.newVisitor')}
          </Button>
        </Form>
      </Card>
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('frontdesk.portal.none')} /> }}
        renderItem={(p) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="portal-pass">
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <span>
                <b>{p.name}</b> {p.unitLabel} {status(t, p.status)}
              </span>
              <Typography.Text code copyable data-testid="portal-pass-code">
                {p.code}
              </Typography.Text>
            </Space>
            <div>{t('frontdesk.portal.validUntil', { time: when(p.validUntil) })}</div>
            {p.status === '有效' && (
              <Space style={{ marginTop: 8 }}>
                <Button size="small" onClick={() => setShown(shown === p.id ? null : p.id)}>
                  {t('frontdesk.portal.share')}
                </Button>
                <Button size="small" danger onClick={() => revoke.mutate(p.id)}>
                  {t('frontdesk.visitors.revoke')}
                </Button>
              </Space>
            )}
            {shown === p.id && (
              <div style={{ textAlign: 'center', marginTop: 8 }}>
                <img
                  src={`/api/portal/visitor-passes/${p.id}/qr.png`}
                  alt={p.code}
                  width={200}
                  height={200}
                  data-testid="portal-pass-qr"
                />
                <div style={{ color: '#888' }}>{t('frontdesk.portal.shareHint')}</div>
              </div>
            )}
          </Card>
        )}
      />
    </Space>
  );
}

/** 我的快递: what the desk holds for me, with shelf and pickup code; ask for door delivery. */
export function PortalParcels() {
  const { t } = useTranslation();
  const when = usePortalTime();
  const app = App.useApp();
  const qc = useQueryClient();
  const list = useMine('/api/portal/parcels');
  const door = useMutation({
    mutationFn: (id: number) => portalApi.post(`/api/portal/parcels/${id}/to-door`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', '/api/portal/parcels'] }),
    onError: (e) => reportError(app, t, e),
  });
  return (
    <List
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('frontdesk.portal.none')} /> }}
      renderItem={(p) => (
        <Card size="small" style={{ marginBottom: 8 }} data-testid="portal-parcel">
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <b>
              {String(p.details.carrier ?? '')} · {t('frontdesk.parcels.shelf')}{' '}
              {String(p.details.shelf ?? '')}
            </b>
            {status(t, p.status)}
          </Space>
          <div>{when(p.createdAt)}</div>
          {p.status === '待取' && (
            <>
              <div>
                {t('frontdesk.parcels.pickupCode')}：
                <Typography.Text strong>{String(p.details.pickupCode ?? '')}</Typography.Text>
              </div>
              {p.details.toDoor ? (
                <Tag color="purple">{t('frontdesk.portal.toDoorRequested')}</Tag>
              ) : (
                <Button size="small" onClick={() => door.mutate(p.id)} style={{ marginTop: 4 }}>
                  {t('frontdesk.portal.toDoor')}
                </Button>
              )}
            </>
          )}
        </Card>
      )}
    />
  );
}

interface ReleaseValues {
  unitId: number;
  applicantName: string;
  ownerConsent?: string;
  itemsText: string;
  releaseDate: Dayjs;
}

/** 物品放行: apply with items and a date (a tenant names the owner's consent); see the slip's state. */
export function PortalReleases({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReleaseValues>();
  const unitId = Form.useWatch('unitId', form);
  const tenant = me.units.find((u) => u.id === unitId)?.relation === '租户';
  const list = useMine('/api/portal/item-releases');
  const refresh = () => qc.invalidateQueries({ queryKey: ['portal', '/api/portal/item-releases'] });
  const add = useMutation({
    mutationFn: (v: ReleaseValues) =>
      portalApi.post('/api/portal/item-releases', {
        unitId: v.unitId,
        applicantName: v.applicantName,
        ownerConsent: v.ownerConsent ?? '',
        releaseDate: v.releaseDate.format('YYYY-MM-DD'),
        // One item a line, "沙发 2" or just "沙发".
        items: v.itemsText
          .split(/\n|、|,|，/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => {
            const m = /^(.*?)\s*[x×*]?\s*(\d+)$/.exec(s);
            return m?.[1] ? { name: m[1], qty: Number(m[2]) } : { name: s, qty: 1 };
          }),
      }),
    onSuccess: () => {
      form.resetFields(['itemsText']);
      void refresh();
    },
    onError: (e) => reportError(app, t, e, { form }),
  });
  const cancel = useMutation({
    mutationFn: (id: number) => portalApi.post(`/api/portal/item-releases/${id}/cancel`),
    onSuccess: refresh,
    onError: (e) => reportError(app, t, e),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('frontdesk.portal.newRelease')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            unitId: me.units[0]?.id,
            releaseDate: dayjs(),
            applicantName: me.residents[0]?.name,
          }}
          onFinish={(v) => add.mutate(v)}
        >
          <Form.Item name="unitId" label={t('frontdesk.common.unit')} rules={[{ required: true }]}>
            <Select options={me.units.map((u) => ({ value: u.id, label: u.label }))} />
          </Form.Item>
          <Form.Item
            name="applicantName"
            label={t('frontdesk.releases.applicant')}
            rules={[{ required: true }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          {tenant && (
            <Form.Item
              name="ownerConsent"
              label={t('frontdesk.releases.ownerConsent')}
              rules={[{ required: true }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          )}
          <Form.Item name="itemsText" label={t('frontdesk.releases.items')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={400} />
          </Form.Item>
          <Form.Item
            name="releaseDate"
            label={t('frontdesk.releases.releaseDate')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} block>
            {t('frontdesk.portal.newRelease')}
          </Button>
        </Form>
      </Card>
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('frontdesk.portal.none')} /> }}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 8 }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <b>
                {r.unitLabel} · {String(r.details.releaseDate ?? '')}
              </b>
              {status(t, r.status)}
            </Space>
            <div>
              {((r.details.items as { name: string; qty: number }[] | undefined) ?? [])
                .map((i) => `${i.name}×${i.qty}`)
                .join('、')}
            </div>
            {r.status === '已批准' && <Typography.Text code>{r.code}</Typography.Text>}
            {(r.status === '待审批' || r.status === '已批准') && (
              <Button size="small" danger onClick={() => cancel.mutate(r.id)} style={{ marginLeft: 8 }}>
                {t('frontdesk.portal.cancel')}
              </Button>
            )}
          </Card>
        )}
      />
    </Space>
  );
}
