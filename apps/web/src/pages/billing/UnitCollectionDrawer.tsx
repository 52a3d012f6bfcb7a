import type { UnitArrears } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  List,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { DoorCollectionModal } from './DoorCollectionModal';
import { LogAttemptModal } from './LogAttemptModal';
import { money, OUTCOME_COLORS } from './labels';

export function useUnitArrears(unitId: number | null) {
  return useQuery({
    queryKey: ['unit-arrears', unitId],
    queryFn: () => api.get<UnitArrears>(`/api/units/${unitId}/arrears`),
    enabled: !!unitId,
  });
}

/** One unit's bills, its 催缴 history (the log a manager reads, W-23) and its tasks. */
export function UnitCollectionDrawer({ unitId, onClose }: { unitId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const onError = useApiError();
  const data = useUnitArrears(unitId);
  const [logging, setLogging] = useState(false);
  const [door, setDoor] = useState(false);
  const [dispute, setDispute] = useState<{ id: number; disputed: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['unit-arrears'] });
    void qc.invalidateQueries({ queryKey: ['arrears'] });
    void qc.invalidateQueries({ queryKey: ['collection-attempts'] });
  };
  const toggle = useMutation({
    mutationFn: () => api.post(`/api/bills/${dispute!.id}/dispute`, { disputed: !dispute!.disputed, reason }),
    onSuccess: () => {
      setDispute(null);
      setReason('');
      refresh();
    },
    onError: (e) => onError(e),
  });
  const a = data.data;
  const collect = can('billing.collect');
  return (
    <Drawer
      open={!!unitId}
      onClose={onClose}
      size="large"
      title={a ? t('collection.unit.title', { unit: a.unitLabel }) : ''}
      extra={
        collect && (
          <Space>
            <Button onClick={() => setDoor(true)}>{t('collection.unit.door')}</Button>
            <Button type="primary" onClick={() => setLogging(true)} data-testid="log-attempt">
              {t('collection.unit.logCall')}
            </Button>
          </Space>
        )
      }
    >
      {a && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('collection.arrears.owed')}>{money(a.owed)}</Descriptions.Item>
            <Descriptions.Item label={t('collection.arrears.disputed')}>
              {money(a.disputedOwed)}
            </Descriptions.Item>
            <Descriptions.Item label={t('collection.arrears.daysOverdue')}>
              {t('collection.arrears.days', { days: a.daysOverdue })}
            </Descriptions.Item>
          </Descriptions>
          {a.openPromise && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('collection.unit.openPromise', {
                date: a.openPromise.date,
                amount: money(a.openPromise.amount),
              })}
            />
          )}
          <Typography.Title level={5}>{t('collection.unit.openBills')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={a.bills}
            columns={[
              { title: t('collection.unit.period'), dataIndex: 'period' },
              { title: t('collection.unit.dueDate'), dataIndex: 'dueDate' },
              { title: t('collection.arrears.daysOverdue'), dataIndex: 'daysOverdue', align: 'right' },
              { title: t('collection.unit.balance'), align: 'right', render: (_, b) => money(b.balance) },
              {
                title: '',
                render: (_, b) => (
                  <Space size={4}>
                    {b.disputed && <Tag color="orange">{t('collection.unit.disputed')}</Tag>}
                    {collect && (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setDispute({ id: b.id, disputed: b.disputed })}
                      >
                        {b.disputed ? t('collection.unit.undispute') : t('collection.unit.dispute')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('collection.unit.history')}
          </Typography.Title>
          {a.attempts.length ? (
            <List
              size="small"
              data-testid="collection-history"
              dataSource={a.attempts}
              renderItem={(x) => (
                <List.Item
                  extra={
                    x.hasLetter ? (
                      <Button
                        size="small"
                        href={`/api/collection-attempts/${x.id}/letter.pdf`}
                        target="_blank"
                      >
                        {t('collection.unit.letter')}
                      </Button>
                    ) : null
                  }
                >
                  <Space orientation="vertical" size={0}>
                    <Space size={4} wrap>
                      <Typography.Text type="secondary">
                        {formatDateTime(x.attemptedAt ?? x.scheduledAt).slice(0, 16)}
                      </Typography.Text>
                      {x.level && (
                        <Tag>
                          {t('collection.campaigns.level')} {x.level}
                        </Tag>
                      )}
                      <Tag color="geekblue">{t(`collection.channels.${x.channel}`)}</Tag>
                      {x.status !== 'done' && <Tag>{t(`collection.statuses.${x.status}`)}</Tag>}
                      {x.outcome && (
                        <Tag color={OUTCOME_COLORS[x.outcome]}>{t(`collection.outcomes.${x.outcome}`)}</Tag>
                      )}
                      {x.promiseState && <Tag color="gold">{t(`collection.promise.${x.promiseState}`)}</Tag>}
                      <span>{money(x.owedAmount)}</span>
                      <Typography.Text type="secondary">
                        {x.byName ?? t('collection.attempts.system')}
                      </Typography.Text>
                    </Space>
                    {(x.promisedDate || x.note) && (
                      <Typography.Text>
                        {x.promisedDate ? `${x.promisedDate} ${money(x.promisedAmount)} ` : ''}
                        {x.note}
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('collection.unit.noHistory')} />
          )}
          {a.tasks.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('collection.unit.tasks')}
              </Typography.Title>
              <List
                size="small"
                dataSource={a.tasks}
                renderItem={(k) => (
                  <List.Item>
                    <Space size={4} wrap>
                      <Tag>{t(`collection.taskKinds.${k.kind}`)}</Tag>
                      <Tag color={k.status === 'done' ? 'green' : 'blue'}>
                        {t(`collection.taskStatuses.${k.status}`)}
                      </Tag>
                      {k.assigneeName}
                      {k.agreedAt && formatDateTime(k.agreedAt).slice(0, 16)}
                      <Typography.Text type="secondary">{k.result || k.note}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
        </>
      )}
      <Modal
        open={!!dispute}
        title={dispute?.disputed ? t('collection.unit.undispute') : t('collection.unit.dispute')}
        onCancel={() => setDispute(null)}
        onOk={() => toggle.mutate()}
        okButtonProps={{ disabled: !reason.trim(), loading: toggle.isPending }}
      >
        <Input.TextArea
          rows={3}
          maxLength={300}
          placeholder={t('collection.unit.disputeReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      {a && (
        <LogAttemptModal
          open={logging}
          projectId={a.projectId}
          unit={{ id: a.unitId, label: a.unitLabel }}
          onClose={() => setLogging(false)}
          onSaved={refresh}
        />
      )}
      {a && (
        <DoorCollectionModal
          open={door}
          projectId={a.projectId}
          unit={{ id: a.unitId, label: a.unitLabel }}
          onClose={() => setDoor(false)}
          onSaved={refresh}
        />
      )}
    </Drawer>
  );
}
