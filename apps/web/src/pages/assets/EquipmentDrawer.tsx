import { EQUIPMENT_STATUSES } from '@guanjia/shared';
import type { Equipment, EquipmentDetail } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { formatDate, formatDateTime } from '../../format';
import { STATUS_COLOR, systemLabel, TASK_COLOR } from './assetText';

/** One piece of equipment: its card, QR, downtime history, open repairs, tasks and documents. */
export function EquipmentDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number | null;
  onClose: () => void;
  onEdit: (e: Equipment) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const detail = useQuery({
    queryKey: ['equipment', 'detail', id],
    queryFn: () => api.get<EquipmentDetail>(`/api/equipment/${id}`),
    enabled: id !== null,
  });
  const change = useMutation({
    mutationFn: (e: EquipmentDetail) =>
      api.post<Equipment>(`/api/equipment/${e.id}/status`, { version: e.version, status, reason }),
    onSuccess: () => {
      void message.success(t('assets.equipment.saved'));
      setStatus(null);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['equipment'] });
    },
    onError: (error) => onError(error, { onReload: () => void detail.refetch() }),
  });
  const e = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={620}
      title={e ? `${e.code} ${e.name}` : ''}
      destroyOnHidden
    >
      {e && (
        <div data-testid="equipment-detail">
          <Space style={{ marginBottom: 12 }} wrap>
            <Tag color={STATUS_COLOR[e.status]}>{t(`assets.status.${e.status}`)}</Tag>
            <Tag>{e.importance}</Tag>
            {e.warrantyEnding && <Tag color="gold">{t('assets.equipment.warrantyEnding')}</Tag>}
            <Button size="small" onClick={() => onEdit(e)}>
              {t('assets.equipment.edit')}
            </Button>
            <Button size="small" href={`/api/equipment/labels.pdf?ids=${e.id}`} target="_blank">
              {t('assets.equipment.labels')}
            </Button>
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('assets.fields.system')}>
              {systemLabel(t, e.system)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.type')}>{e.type}</Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.location')} span={2}>
              {e.location}
            </Descriptions.Item>
            <Descriptions.Item
              label={t('assets.fields.brandModel')}
            >{`${e.brand} ${e.model}`}</Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.supplier')}>{e.supplier}</Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.maintainer')}>{e.maintainer}</Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.installDate')}>
              {formatDate(e.installDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.warrantyEnd')}>
              {formatDate(e.warrantyEnd)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.equipment.qr')}>
              <Typography.Text copyable code>
                {e.qr}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('assets.equipment.changeStatus')}
          </Typography.Title>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              style={{ width: 140 }}
              value={status ?? e.status}
              onChange={setStatus}
              options={EQUIPMENT_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
            />
            <Input
              placeholder={t('assets.fields.reason')}
              value={reason}
              onChange={(v) => setReason(v.target.value)}
            />
            <Button
              type="primary"
              disabled={!status || status === e.status}
              loading={change.isPending}
              onClick={() => change.mutate(e)}
            >
              {t('common.save')}
            </Button>
          </Space.Compact>
          <Section title={t('assets.equipment.openWorkOrders')}>
            <List
              size="small"
              dataSource={e.openWorkOrders}
              locale={{ emptyText: t('assets.equipment.none') }}
              renderItem={(w) => (
                <List.Item>
                  <a href={`/tickets/${w.ticketId}`}>{w.number}</a> <Tag>{w.status}</Tag>
                </List.Item>
              )}
            />
          </Section>
          <Section title={t('assets.equipment.nextTasks')}>
            <TaskList items={e.nextTasks} />
          </Section>
          <Section title={t('assets.equipment.recentTasks')}>
            <TaskList items={e.recentTasks} />
          </Section>
          <Section title={t('assets.equipment.history')}>
            <List
              size="small"
              dataSource={e.statusChanges}
              renderItem={(c) => (
                <List.Item>
                  {formatDateTime(c.at)} · {c.fromStatus ? `${t(`assets.status.${c.fromStatus}`)} → ` : ''}
                  {t(`assets.status.${c.toStatus}`)}{' '}
                  {c.reason && <Typography.Text type="secondary">（{c.reason}）</Typography.Text>}
                </List.Item>
              )}
            />
          </Section>
          <Section title={t('assets.equipment.documents')}>
            <List
              size="small"
              dataSource={e.documents}
              locale={{ emptyText: t('assets.equipment.none') }}
              renderItem={(d) => (
                <List.Item>
                  <a href={d.url} target="_blank" rel="noopener">
                    {d.name}
                  </a>
                </List.Item>
              )}
            />
          </Section>
        </div>
      )}
    </Drawer>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {title}
      </Typography.Title>
      {children}
    </>
  );
}

function TaskList({ items }: { items: EquipmentDetail['nextTasks'] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: t('assets.equipment.none') }}
      renderItem={(task) => (
        <List.Item>
          <Space>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDate(task.dueDate)}</span>
            <Tag color={TASK_COLOR[task.status]}>{t(`assets.taskStatus.${task.status}`)}</Tag>
            {task.defects > 0 && (
              <Tag color="red">
                {t('assets.tasks.defects')} {task.defects}
              </Tag>
            )}
            <span>{task.title}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}
