import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HouseholdMember, type PortalBinding, type PortalMe, portalApi } from './api';
import { usePortalError } from './errors';
import { PortalPhotoPicker } from './PortalPhotos';

const RELATIONS = ['业主', '家属', '租户'] as const;
const STATUS_COLOR: Record<PortalBinding['status'], string> = {
  待审核: 'blue',
  已通过: 'green',
  已驳回: 'red',
};
const MAX_PROOF_PHOTOS = 3;

interface Option {
  id: number;
  name: string;
}

/** One level of the unit picker; the server answers names and labels of the session's company only. */
function useLevel(key: string, query: Record<string, number | undefined>, enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'estate', key, query],
    queryFn: () => portalApi.get<{ items: Option[] }>('/api/portal/estate', { ...query, pageSize: 200 }),
    enabled,
  });
}

const options = (items: Option[] | undefined) => (items ?? []).map((o) => ({ value: o.id, label: o.name }));

interface BindingForm {
  projectId?: number;
  buildingId?: number;
  unitId: number;
  name: string;
  relation: (typeof RELATIONS)[number];
  leaseEndsOn?: string;
  note?: string;
}

/** "This is my home": project → building → unit, who I am, and optionally a photo of the proof. */
export function BindingRequestCard({ title }: { title: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = usePortalError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BindingForm>();
  const [photos, setPhotos] = useState<string[]>([]);
  const projectId = Form.useWatch('projectId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const relation = Form.useWatch('relation', form);
  const projects = useLevel('projects', {}, true);
  const buildings = useLevel('buildings', { projectId }, !!projectId);
  const units = useLevel('units', { buildingId }, !!buildingId);
  const submit = useMutation({
    mutationFn: ({ projectId: _p, buildingId: _b, ...v }: BindingForm) =>
      portalApi.post<PortalBinding>('/api/portal/bindings', {
        ...v,
        leaseEndsOn: v.leaseEndsOn || null,
        attachments: photos.map((url, i) => ({ url, name: `proof-${i + 1}.jpg` })),
      }),
    onSuccess: () => {
      void message.success(t('bindings.portal.submitted'));
      form.resetFields();
      setPhotos([]);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'bindings'] });
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Card title={title} size="small">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ relation: '业主' }}
        onFinish={(v) => submit.mutate(v)}
        data-testid="portal-binding-form"
      >
        <Form.Item name="projectId" label={t('bindings.portal.project')} rules={[{ required: true }]}>
          <Select
            size="large"
            options={options(projects.data?.items)}
            onChange={() => form.setFieldsValue({ buildingId: undefined, unitId: undefined })}
            data-testid="portal-binding-project"
          />
        </Form.Item>
        <Form.Item name="buildingId" label={t('bindings.portal.building')} rules={[{ required: true }]}>
          <Select
            size="large"
            options={options(buildings.data?.items)}
            disabled={!projectId}
            onChange={() => form.setFieldsValue({ unitId: undefined })}
            data-testid="portal-binding-building"
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('bindings.portal.unit')} rules={[{ required: true }]}>
          <Select
            size="large"
            showSearch={{ optionFilterProp: 'label' }}
            options={options(units.data?.items)}
            disabled={!buildingId}
            data-testid="portal-binding-unit"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('bindings.portal.name')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input size="large" maxLength={40} data-testid="portal-binding-name" />
        </Form.Item>
        <Form.Item name="relation" label={t('bindings.portal.relation')}>
          <Select
            size="large"
            options={RELATIONS.map((r) => ({ value: r, label: t(`bindings.relation.${r}`) }))}
          />
        </Form.Item>
        {relation === '租户' && (
          <Form.Item name="leaseEndsOn" label={t('bindings.portal.leaseEndsOn')}>
            <Input size="large" type="date" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('bindings.portal.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item label={t('bindings.portal.proof')}>
          <PortalPhotoPicker value={photos} onChange={(v) => setPhotos(v.slice(0, MAX_PROOF_PHOTOS))} />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={submit.isPending}
          data-testid="portal-binding-submit"
        >
          {t('bindings.portal.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** What I asked and what the desk answered; a rejection says why. Refreshes while one is pending. */
export function MyBindingRequests() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['portal', 'bindings'],
    queryFn: async () => {
      const res = await portalApi.get<{ items: PortalBinding[] }>('/api/portal/bindings', { pageSize: 20 });
      // An approval changes my units: the home page reloads them.
      void queryClient.invalidateQueries({ queryKey: ['portal', 'me'] });
      return res;
    },
    refetchInterval: (q) => (q.state.data?.items.some((b) => b.status === '待审核') ? 10_000 : false),
  });
  if (!list.data?.items.length) return null;
  return (
    <Card title={t('bindings.portal.myRequests')} size="small">
      <List
        dataSource={list.data.items}
        renderItem={(b) => (
          <List.Item style={{ display: 'block' }} data-testid={`portal-binding-${b.id}`}>
            <Space wrap>
              <Tag>{t(`bindings.kind.${b.kind}`)}</Tag>
              <Typography.Text strong>{b.unitLabel}</Typography.Text>
              <span>
                {b.name} · {t(`bindings.relation.${b.relation}`)}
              </span>
              <Tag color={STATUS_COLOR[b.status]} data-testid="portal-binding-status">
                {t(`bindings.status.${b.status}`)}
              </Tag>
            </Space>
            {b.rejectReason && (
              <div>
                <Typography.Text type="danger">
                  {t('bindings.portal.rejectReason', { reason: b.rejectReason })}
                </Typography.Text>
              </div>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

interface MemberForm {
  unitId: number;
  name: string;
  phone: string;
  relation: '家属' | '租户';
  leaseEndsOn?: string;
}

/** For owners: who lives in my units, add a family member or tenant, ask to remove one. */
export function HouseholdCard({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = usePortalError();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<MemberForm>();
  const relation = Form.useWatch('relation', form);
  const owned = me.units.filter((u) => u.relation === '业主');
  const household = useQuery({
    queryKey: ['portal', 'household'],
    queryFn: () => portalApi.get<{ items: HouseholdMember[] }>('/api/portal/household'),
    enabled: owned.length > 0,
  });
  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['portal', 'bindings'] });
  };
  const add = useMutation({
    mutationFn: (v: MemberForm) =>
      portalApi.post('/api/portal/household', { ...v, leaseEndsOn: v.leaseEndsOn || null }),
    onSuccess: () => {
      done(t('bindings.portal.submitted'));
      form.resetFields();
      setAdding(false);
    },
    onError: (e) => onError(e, { form }),
  });
  const remove = useMutation({
    mutationFn: (m: HouseholdMember) =>
      portalApi.post('/api/portal/household/removals', { unitId: m.unitId, residentId: m.residentId }),
    onSuccess: () => done(t('bindings.portal.removalSubmitted')),
    onError: (e) => onError(e),
  });
  if (!owned.length) return null;
  return (
    <Card
      title={t('bindings.portal.household')}
      size="small"
      extra={
        <Button size="small" onClick={() => setAdding(!adding)} data-testid="portal-add-member">
          {t('bindings.portal.addMember')}
        </Button>
      }
    >
      {adding && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ unitId: owned[0]?.id, relation: '家属' }}
          onFinish={(v) => add.mutate(v)}
          data-testid="portal-member-form"
        >
          <Form.Item name="unitId" label={t('bindings.portal.unit')}>
            <Select options={owned.map((u) => ({ value: u.id, label: u.label }))} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('bindings.portal.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label={t('bindings.portal.phone')} rules={[{ required: true }]}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
          <Form.Item name="relation" label={t('bindings.portal.relation')}>
            <Select
              options={(['家属', '租户'] as const).map((r) => ({
                value: r,
                label: t(`bindings.relation.${r}`),
              }))}
            />
          </Form.Item>
          {relation === '租户' && (
            <Form.Item
              name="leaseEndsOn"
              label={t('bindings.portal.leaseEndsOn')}
              rules={[{ required: true }]}
            >
              <Input type="date" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={add.isPending}>
            {t('bindings.portal.submit')}
          </Button>
        </Form>
      )}
      {household.data?.items.length ? (
        <List
          dataSource={household.data.items}
          renderItem={(m) => (
            <List.Item
              actions={
                m.me
                  ? []
                  : [
                      <Button
                        key="remove"
                        size="small"
                        danger
                        onClick={() =>
                          modal.confirm({
                            title: t('bindings.portal.removeConfirm', { name: m.name, unit: m.unitLabel }),
                            onOk: () => remove.mutateAsync(m),
                          })
                        }
                      >
                        {t('bindings.portal.remove')}
                      </Button>,
                    ]
              }
            >
              <Space wrap>
                <span>{m.unitLabel}</span>
                <Typography.Text strong>{m.name}</Typography.Text>
                <Tag>{t(`bindings.relation.${m.relation}`)}</Tag>
                {m.me && <Tag color="blue">{t('bindings.portal.me')}</Tag>}
                {m.leaseEndsOn && (
                  <Typography.Text type="secondary">
                    {t('bindings.portal.leaseUntil', { date: m.leaseEndsOn })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
