import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ResidentOverview } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { formatDateTime } from '../../format';

/** Notes on the resident (how they like to be called, what to mind): an event each, never an edit. */
export function Resident360Notes({
  residentId,
  notes,
}: {
  residentId: number;
  notes: ResidentOverview['notes'];
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<ResidentOverview>(`/api/residents/${residentId}/notes`, { note: text.trim() }),
    onSuccess: (o) => {
      queryClient.setQueryData(['resident360', residentId], o);
      setText('');
      void message.success(t('desk.r360.noteSaved'));
    },
    onError: (error) => onError(error),
  });
  return (
    <Card size="small" title={t('desk.r360.notes')} style={{ marginBottom: 16 }}>
      {can('tickets.write') && (
        <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
          <Input
            value={text}
            maxLength={2000}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('desk.r360.notePlaceholder')}
            data-testid="r360-note-input"
            onPressEnter={() => text.trim() && add.mutate()}
          />
          <Button
            type="primary"
            disabled={!text.trim()}
            loading={add.isPending}
            onClick={() => add.mutate()}
            data-testid="r360-note-add"
          >
            {t('desk.r360.addNote')}
          </Button>
        </Space.Compact>
      )}
      <List
        size="small"
        dataSource={notes.items}
        locale={{ emptyText: t('desk.r360.none') }}
        renderItem={(n) => (
          <List.Item>
            <div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{n.note}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.at).slice(0, 16)} · {n.actorName ?? '—'}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
