import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_CHANNELS } from '@guanjia/shared';
import type { Campaign } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Switch,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { money } from './labels';

interface Values {
  name: string;
  minYuan: number;
  active: boolean;
  levels: Campaign['levels'];
}

/** 催缴计划: the project's campaign and its levels (days overdue → SMS / call / letter / manager). */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const qc = useQueryClient();
  const onError = useApiError();
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const list = useQuery({
    queryKey: ['collection-campaigns', projectId],
    queryFn: () =>
      api.get<{ items: Campaign[] }>('/api/collection-campaigns', { projectId: projectId ?? undefined }),
    enabled: !!projectId,
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        minAmount: Math.round(v.minYuan * 100),
        active: v.active,
        levels: v.levels,
      };
      return editing === 'new'
        ? api.post('/api/collection-campaigns', { ...body, projectId })
        : api.patch(`/api/collection-campaigns/${(editing as Campaign).id}`, {
            ...body,
            version: (editing as Campaign).version,
          });
    },
    onSuccess: () => {
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['collection-campaigns'] });
    },
    onError: (e) => onError(e, { form, onReload: () => void list.refetch() }),
  });
  const open = (c: Campaign | 'new') => {
    setEditing(c);
    form.setFieldsValue(
      c === 'new'
        ? {
            name: '物业费催缴',
            minYuan: 50,
            active: true,
            levels: [
              { level: 1, days: 15, channel: 'sms', task: false },
              { level: 2, days: 45, channel: 'call', task: false },
              { level: 3, days: 90, channel: 'letter', task: true },
              { level: 4, days: 180, channel: 'manager', task: false },
            ],
          }
        : { name: c.name, minYuan: c.minAmount / 100, active: c.active, levels: c.levels },
    );
  };
  if (!projectId) return <Empty description={t('collection.noProject')} />;
  const write = can('billing.collect');
  return (
    <div>
      <PageHeader
        title={t('collection.campaigns.title')}
        subTitle={t('collection.campaigns.subtitle')}
        extra={
          write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('collection.campaigns.add')}
            </Button>
          )
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('collection.campaigns.quietHint')}
      />
      <Card>
        <List
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('collection.campaigns.empty') }}
          data-testid="campaigns"
          renderItem={(c) => (
            <List.Item
              actions={
                write
                  ? [
                      <Button key="e" type="link" onClick={() => open(c)}>
                        {t('collection.campaigns.edit')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {c.name}
                    <Tag color={c.active ? 'green' : 'default'}>
                      {c.active ? t('collection.campaigns.active') : t('collection.campaigns.inactive')}
                    </Tag>
                    <span>
                      {t('collection.campaigns.minAmount')}：{money(c.minAmount)}
                    </span>
                  </Space>
                }
                description={
                  <Space wrap>
                    {c.levels.map((l) => (
                      <Tag key={l.level} color="geekblue">
                        {t('collection.campaigns.levelText', {
                          level: l.level,
                          days: l.days,
                          channel: t(`collection.channels.${l.channel}`),
                        })}
                        {l.task ? ` + ${t('collection.campaigns.task')}` : ''}
                      </Tag>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={!!editing}
        width={720}
        title={editing === 'new' ? t('collection.campaigns.add') : t('collection.campaigns.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending }}
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Space align="start">
            <Form.Item name="name" label={t('collection.campaigns.name')} rules={[{ required: true }]}>
              <Input maxLength={60} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item
              name="minYuan"
              label={t('collection.campaigns.minAmount')}
              extra={t('collection.campaigns.minAmountHint')}
            >
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="active" label={t('collection.campaigns.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.List name="levels">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline">
                    <Form.Item
                      name={[row.name, 'level']}
                      label={t('collection.campaigns.level')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={1} max={9} style={{ width: 70 }} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'days']}
                      label={t('collection.campaigns.days')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={1} max={3650} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'channel']}
                      label={t('collection.campaigns.channel')}
                      rules={[{ required: true }]}
                    >
                      <Select
                        style={{ width: 160 }}
                        options={CAMPAIGN_CHANNELS.map((c) => ({
                          value: c,
                          label: t(`collection.channels.${c}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'task']}
                      label={t('collection.campaigns.task')}
                      valuePropName="checked"
                      initialValue={false}
                    >
                      <Switch />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(row.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ level: rows.length + 1, days: 30 * (rows.length + 1), channel: 'sms', task: false })
                  }
                >
                  {t('collection.campaigns.addLevel')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </div>
  );
}
