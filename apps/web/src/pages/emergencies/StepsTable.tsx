import type { Emergency, EmergencyStep } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { useNow } from '../../components/useNow';
import { formatDateTime } from '../../format';
import { spanText } from './hooks';

const STATE_COLOR: Record<string, string> = {
  pending: 'blue',
  met: 'green',
  late: 'orange',
  escalated: 'red',
};

/** The plan's steps with their deadlines, live countdowns, and the acknowledge / check-in buttons. */
export function StepsTable({ e, active }: { e: Emergency; active: boolean }) {
  const { t, i18n } = useTranslation();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const now = useNow();
  const [code, setCode] = useState('');
  const done = (next: Emergency) => queryClient.setQueryData(['emergency', e.id], next);
  const ack = useMutation({
    mutationFn: (s: EmergencyStep) => api.post<Emergency>(`/api/emergencies/${e.id}/steps/${s.id}/ack`),
    onSuccess: done,
    onError: (error) => onError(error),
  });
  const checkin = useMutation({
    mutationFn: (body: { step: EmergencyStep; code?: string; lat?: number; lng?: number }) =>
      api.post<Emergency>(`/api/emergencies/${e.id}/steps/${body.step.id}/checkin`, {
        code: body.code,
        lat: body.lat,
        lng: body.lng,
      }),
    onSuccess: (next) => {
      setCode('');
      done(next);
    },
    onError: (error) => onError(error),
  });
  const gps = (step: EmergencyStep) =>
    navigator.geolocation?.getCurrentPosition((p) =>
      checkin.mutate({ step, lat: p.coords.latitude, lng: p.coords.longitude }),
    );

  return (
    <Table<EmergencyStep>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={e.steps}
      data-testid="em-steps"
      columns={[
        { title: '#', dataIndex: 'seq', width: 40 },
        { title: t('emergencies.detail.step'), dataIndex: 'title' },
        { title: t('emergencies.detail.role'), render: (_, s) => t(`emergencies.roles.${s.role}`) },
        {
          title: t('emergencies.detail.due'),
          render: (_, s) => {
            const left = Date.parse(s.dueAt) - now;
            return (
              <Space direction="vertical" size={0}>
                <span>{formatDateTime(s.dueAt)}</span>
                {!s.doneAt && active && (
                  <Tag color={left < 0 ? 'red' : 'green'}>
                    {left < 0
                      ? t('emergencies.board.overdue', { time: spanText(left, i18n.language === 'en') })
                      : t('emergencies.board.dueIn', { time: spanText(left, i18n.language === 'en') })}
                  </Tag>
                )}
              </Space>
            );
          },
        },
        {
          title: t('emergencies.fields.status'),
          render: (_, s) => (
            <Space direction="vertical" size={0}>
              <Tag color={STATE_COLOR[s.status]} data-testid={`step-${s.key}-status`}>
                {t(`emergencies.stepStates.${s.status}`)}
              </Tag>
              {s.lateMinutes !== null && (
                <small>{t('emergencies.detail.late', { minutes: s.lateMinutes })}</small>
              )}
              {s.escalationLevel > 0 && (
                <small>{`${t('emergencies.detail.escalation')} ×${s.escalationLevel}`}</small>
              )}
            </Space>
          ),
        },
        {
          title: t('emergencies.detail.done'),
          render: (_, s) => (s.doneAt ? `${formatDateTime(s.doneAt)} ${s.doneByName ?? ''}` : '—'),
        },
        {
          title: '',
          render: (_, s) => {
            if (s.doneAt || !active) return null;
            if (s.proof === 'ack')
              return (
                <Button
                  size="small"
                  type="primary"
                  loading={ack.isPending}
                  onClick={() => ack.mutate(s)}
                  data-testid={`ack-${s.key}`}
                >
                  {t('emergencies.detail.ack')}
                </Button>
              );
            if (s.proof === 'checkin')
              return (
                <Space.Compact>
                  <Input
                    size="small"
                    placeholder={t('emergencies.detail.scanHint')}
                    value={code}
                    onChange={(ev) => setCode(ev.target.value)}
                    data-testid="checkin-code"
                    style={{ width: 200 }}
                  />
                  <Button
                    size="small"
                    type="primary"
                    disabled={!code.trim()}
                    onClick={() => checkin.mutate({ step: s, code: code.trim() })}
                  >
                    {t('emergencies.detail.checkin')}
                  </Button>
                  {'geolocation' in navigator && (
                    <Button size="small" onClick={() => gps(s)}>
                      {t('emergencies.detail.gps')}
                    </Button>
                  )}
                </Space.Compact>
              );
            return <Tag>{t(`emergencies.proofs.${s.proof}`)}</Tag>;
          },
        },
      ]}
    />
  );
}
