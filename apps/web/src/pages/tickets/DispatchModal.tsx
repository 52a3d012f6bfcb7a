import { CheckCircleFilled, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Candidate, WorkOrderView } from '../../api/types';
import { useApiError } from '../../components/feedback';
import { useServiceVocab } from '../../serviceVocab';

export interface DispatchTarget {
  id: number;
  number: string;
  version: number;
  skill: string | null;
  technicianId: number | null;
  ticketId: number;
}

/**
 * 派单 / 转单: the candidates ranked by the server (skill, on duty, under cap, load). Ineligible people stay
 * listed with their reasons (a dispatcher may call someone in) but cannot be picked here.
 */
export function DispatchModal({
  target,
  mode,
  onClose,
}: {
  target: DispatchTarget | null;
  mode: 'dispatch' | 'transfer';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const candidates = useQuery({
    queryKey: ['candidates', target?.id],
    queryFn: () =>
      api.get<{ skill: string | null; items: Candidate[] }>(`/api/work-orders/${target?.id}/candidates`),
    enabled: Boolean(target),
    staleTime: 0,
  });

  const close = () => {
    setPicked(null);
    setReason('');
    onClose();
  };

  const send = useMutation({
    mutationFn: (technicianId: number | null) =>
      mode === 'dispatch'
        ? api.post<WorkOrderView>(`/api/work-orders/${target?.id}/dispatch`, {
            version: target?.version,
            technicianId,
          })
        : api.post<WorkOrderView>(`/api/work-orders/${target?.id}/transfer`, {
            version: target?.version,
            technicianId,
            reason: reason.trim() || null,
          }),
    onSuccess: (wo) => {
      void message.success(
        t(mode === 'dispatch' ? 'dispatch.dispatched' : 'dispatch.transferred', {
          number: wo.number,
          name: wo.technicianName ?? '',
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['ticket', target?.ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void queryClient.invalidateQueries({ queryKey: ['technicians'] });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      close();
    },
    onError: (error) =>
      onError(error, {
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
          void queryClient.invalidateQueries({ queryKey: ['ticket', target?.ticketId] });
          close();
        },
      }),
  });

  const items = (candidates.data?.items ?? []).filter(
    (c) => mode === 'dispatch' || c.id !== target?.technicianId,
  );
  const skill = candidates.data?.skill ?? target?.skill ?? null;

  return (
    <Modal
      open={Boolean(target)}
      width={760}
      title={t(mode === 'dispatch' ? 'dispatch.dispatchTitle' : 'dispatch.transferTitle', {
        number: target?.number ?? '',
      })}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          {mode === 'dispatch' && (
            <Button
              icon={<ThunderboltOutlined />}
              loading={send.isPending && picked === null}
              onClick={() => send.mutate(null)}
              data-testid="dispatch-auto"
            >
              {t('dispatch.auto')}
            </Button>
          )}
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={picked === null}
            loading={send.isPending && picked !== null}
            onClick={() => send.mutate(picked)}
            data-testid="dispatch-confirm"
          >
            {t(mode === 'dispatch' ? 'dispatch.confirm' : 'dispatch.confirmTransfer')}
          </Button>
        </Space>
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('dispatch.requiredSkill')}</Typography.Text>
        {skill ? <Tag color="blue">{skill}</Tag> : <Tag>{t('dispatch.anySkill')}</Tag>}
        <Typography.Text type="secondary">{t('dispatch.rankingHint')}</Typography.Text>
      </Space>
      {!candidates.isLoading && items.length > 0 && !items.some((c) => c.eligible) && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dispatch.noneEligible')} />
      )}
      <Table<Candidate>
        rowKey="id"
        size="small"
        pagination={false}
        loading={candidates.isLoading}
        dataSource={items}
        data-testid="candidates"
        rowSelection={{
          type: 'radio',
          selectedRowKeys: picked === null ? [] : [picked],
          onChange: (keys) => setPicked(typeof keys[0] === 'number' ? keys[0] : null),
          getCheckboxProps: (c) => ({ disabled: !c.eligible, 'data-testid': `candidate-${c.id}` }) as object,
        }}
        onRow={(c) => ({
          onClick: () => c.eligible && setPicked(c.id),
          style: { cursor: c.eligible ? 'pointer' : 'not-allowed' },
          'data-testid': `candidate-row-${c.displayName}`,
        })}
        columns={[
          {
            title: t('dispatch.technician'),
            dataIndex: 'displayName',
            render: (name: string, c) => (
              <Space size={4}>
                {c.eligible && <CheckCircleFilled style={{ color: '#52c41a' }} />}
                <span>{name}</span>
              </Space>
            ),
          },
          {
            title: t('staff.fields.skills'),
            dataIndex: 'skills',
            render: (skills: string[]) => (
              <Space size={[2, 2]} wrap>
                {skills.map((s) => (
                  <Tag key={s} color={s === skill ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
                    {s}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('dispatch.duty'),
            dataIndex: 'onDuty',
            width: 80,
            render: (v: boolean) =>
              v ? <Tag color="green">{t('dispatch.onDuty')}</Tag> : <Tag>{t('dispatch.offDuty')}</Tag>,
          },
          {
            title: t('dispatch.load'),
            key: 'load',
            width: 150,
            render: (_: unknown, c) => (
              <Progress
                size="small"
                percent={c.cap ? Math.min(100, Math.round((c.openCount / c.cap) * 100)) : 0}
                format={() => (c.cap ? `${c.openCount}/${c.cap}` : String(c.openCount))}
                status={c.cap !== null && c.openCount >= c.cap ? 'exception' : 'normal'}
              />
            ),
          },
          {
            title: t('dispatch.why'),
            dataIndex: 'reasons',
            render: (reasons: string[]) =>
              reasons.length ? (
                <Space size={[2, 2]} wrap>
                  {reasons.map((r) => (
                    <Tag key={r} color="orange" style={{ marginInlineEnd: 0 }}>
                      {sv.ineligible(r)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="success">{t('dispatch.eligible')}</Typography.Text>
              ),
          },
        ]}
      />
      {mode === 'transfer' && (
        <Input.TextArea
          style={{ marginTop: 12 }}
          placeholder={t('dispatch.transferReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2 }}
        />
      )}
    </Modal>
  );
}
