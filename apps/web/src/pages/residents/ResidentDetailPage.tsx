import { ArrowLeftOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import { formatPhone } from '@guanjia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Result,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { Resident, ResidentUnit } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { EventTimeline } from '../../components/EventTimeline';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { TagList, VipBadge } from '../../components/ResidentBadges';
import { formatDate, formatDateTime } from '../../format';
import { useVocab } from '../../vocab';
import { Resident360 } from './Resident360';
import { initialValues, ResidentForm, type ResidentFormValues, toBody } from './ResidentForm';

export default function ResidentDetailPage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { id } = useParams();
  const residentId = Number(id);
  const navigate = useNavigate();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ResidentFormValues>();
  const [editing, setEditing] = useState(false);
  // The screen pop opens the 360 with the call it came from (a 催单 then links that call to the ticket).
  const [search, setSearch] = useSearchParams();
  const callId = Number(search.get('callId')) || null;
  const tab = search.get('tab') ?? '360';

  const resident = useQuery({
    queryKey: ['resident', residentId],
    queryFn: () => api.get<Resident>(`/api/residents/${residentId}`),
    enabled: Number.isFinite(residentId),
    meta: { silent: true },
  });
  const r = resident.data;
  const known = useMemo(() => (r ? r.units.map((u) => ({ unitId: u.unitId, label: u.label })) : []), [r]);

  const startEdit = (data: Resident) => {
    form.resetFields();
    form.setFieldsValue(initialValues(data));
    setEditing(true);
  };

  const save = useMutation({
    mutationFn: (values: ResidentFormValues) =>
      api.patch<Resident>(`/api/residents/${residentId}`, {
        ...toBody(values, r?.piiMasked ?? true),
        version: r?.version,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['resident', residentId], updated);
      void queryClient.invalidateQueries({ queryKey: ['residents'] });
      void queryClient.invalidateQueries({ queryKey: ['events', 'resident', residentId] });
      void message.success(t('common.saved'));
      setEditing(false);
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void resident.refetch().then((res) => {
            if (res.data) startEdit(res.data);
          });
        },
      }),
  });

  if (resident.isLoading) return <PageSpinner />;
  if (resident.error || !r) {
    const notFound =
      resident.error instanceof ApiError && (resident.error.status === 404 || resident.error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('residents.notFound') : t('errors.codes.generic')}
        subTitle={resident.error instanceof Error ? resident.error.message : undefined}
        extra={<Button onClick={() => navigate('/residents')}>{t('residents.backToList')}</Button>}
      />
    );
  }

  const unitColumns = [
    {
      title: t('estate.unit.label'),
      dataIndex: 'label',
      render: (label: string, u: ResidentUnit) => (
        <Link to={`/estate?building=${u.buildingId}&q=${encodeURIComponent(label)}`}>{label}</Link>
      ),
    },
    {
      title: t('residents.fields.relation'),
      dataIndex: 'relation',
      render: (v: string) => <Tag>{vocab.relation(v)}</Tag>,
    },
  ];

  const masked = r.piiMasked ? (
    <Tooltip title={t('residents.maskedHint')}>
      <LockOutlined style={{ color: '#8c8c8c', marginInlineStart: 6 }} />
    </Tooltip>
  ) : null;

  return (
    <div>
      <PageHeader
        back={
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/residents')}
            aria-label={t('common.back')}
          />
        }
        title={
          <Space size={8}>
            <span data-testid="resident-title">{r.name}</span>
            <VipBadge vip={r.vip} />
          </Space>
        }
        subTitle={<TagList tags={r.tags} />}
        extra={
          can('residents.write') &&
          !editing && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => startEdit(r)}
              data-testid="resident-edit"
            >
              {t('common.edit')}
            </Button>
          )
        }
      />
      {editing ? (
        <Card title={t('residents.editTitle')}>
          <ResidentForm
            form={form}
            projectId={r.projectId}
            knownUnits={known}
            piiMasked={r.piiMasked}
            onFinish={(v) => save.mutate(v)}
          />
          <Space>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => form.submit()}
              data-testid="resident-submit"
            >
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Card>
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => {
              const next = new URLSearchParams(search);
              next.set('tab', key);
              setSearch(next, { replace: true });
            }}
            items={[
              {
                key: '360',
                label: t('desk.r360.tab'),
                children: <Resident360 residentId={r.id} callId={callId} />,
              },
              {
                key: 'basic',
                label: t('residents.tabs.basic'),
                children: (
                  <Descriptions
                    bordered
                    size="small"
                    column={{ xs: 1, md: 2, xl: 3 }}
                    data-testid="resident-detail"
                    items={[
                      { key: 'name', label: t('residents.fields.name'), children: r.name },
                      {
                        key: 'gender',
                        label: t('residents.fields.gender'),
                        children: vocab.gender(r.gender),
                      },
                      {
                        key: 'id',
                        label: t('residents.fields.idNumber'),
                        children: (
                          <span>
                            {r.idNumber || '—'}
                            {r.idNumber && masked}
                          </span>
                        ),
                      },
                      {
                        key: 'phones',
                        label: t('residents.fields.phones'),
                        children: r.phones.length ? (
                          <Space orientation="vertical" size={0}>
                            {r.phones.map((p) => (
                              <span key={`${p.number}-${p.extension ?? ''}`} data-testid="resident-phone">
                                {formatPhone(p.number)}
                                {p.extension ? ` ${t('residents.ext', { ext: p.extension })}` : ''}
                                <Typography.Text
                                  type="secondary"
                                  style={{ marginInlineStart: 6, fontSize: 12 }}
                                >
                                  {t(`residents.phoneKinds.${p.kind}`)}
                                </Typography.Text>
                                {masked}
                              </span>
                            ))}
                          </Space>
                        ) : (
                          '—'
                        ),
                      },
                      { key: 'email', label: t('residents.fields.email'), children: r.email || '—' },
                      {
                        key: 'birthday',
                        label: t('residents.fields.birthday'),
                        children: formatDate(r.birthday),
                      },
                      {
                        key: 'channel',
                        label: t('residents.fields.preferredChannel'),
                        children: vocab.channel(r.preferredChannel),
                      },
                      {
                        key: 'vip',
                        label: t('residents.fields.vip'),
                        children: r.vip ? <VipBadge vip /> : t('common.no'),
                      },
                      {
                        key: 'tags',
                        label: t('residents.fields.tags'),
                        children: r.tags.length ? <TagList tags={r.tags} /> : '—',
                      },
                      {
                        key: 'notes',
                        label: t('residents.fields.notes'),
                        span: 'filled',
                        children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.notes || '—'}</span>,
                      },
                      { key: 'created', label: t('common.createdAt'), children: formatDateTime(r.createdAt) },
                      { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(r.updatedAt) },
                    ]}
                  />
                ),
              },
              {
                key: 'units',
                label: t('residents.tabs.units', { count: r.units.length }),
                children: (
                  <Table<ResidentUnit>
                    rowKey="unitId"
                    size="small"
                    pagination={false}
                    columns={unitColumns}
                    dataSource={r.units}
                    data-testid="resident-units"
                    locale={{
                      emptyText: (
                        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('residents.noUnit')} />
                      ),
                    }}
                  />
                ),
              },
              ...(can('audit.read')
                ? [
                    {
                      key: 'history',
                      label: t('residents.tabs.history'),
                      children: <EventTimeline entityType="resident" entityId={r.id} />,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </div>
  );
}
