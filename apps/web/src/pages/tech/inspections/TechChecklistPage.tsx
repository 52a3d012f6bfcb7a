import { CheckOutlined, CloseOutlined, CloudUploadOutlined, WifiOutlined } from '@ant-design/icons';
import { type InspectionTaskDetail, uploadIdOf, uploadUrl } from '@guanjia/shared/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, InputNumber, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useAuth } from '../../../auth/AuthProvider';
import { useApiError } from '../../../components/feedback';
import { PhotoPicker } from '../PhotoPicker';
import {
  type Answer,
  flush,
  isNetworkError,
  loadStored,
  markComplete,
  pendingCount,
  saveAnswer,
} from './offlineAnswers';

type Item = InspectionTaskDetail['items'][number];
const outOfRange = (item: Item, v: number | undefined) =>
  v !== undefined && ((item.min != null && v < item.min) || (item.max != null && v > item.max));

/**
 * Fill a checklist on the phone. Each answer is stored on the phone at once and sent in the
 * background; offline it waits (banner) and goes out when the phone is back online.
 */
export default function TechChecklistPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { projectId } = useAuth();
  const id = Number(useParams().id);
  const task = useQuery({
    queryKey: ['inspection-tasks', 'detail', id],
    queryFn: () => api.get<InspectionTaskDetail>(`/api/inspection-tasks/${id}`),
  });
  const [stored, setStored] = useState(() => loadStored(id));
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);

  const send = useCallback(async () => {
    setSending(true);
    try {
      const latest = await flush(id);
      setOffline(false);
      if (latest) queryClient.setQueryData(['inspection-tasks', 'detail', id], latest);
    } catch (error) {
      if (isNetworkError(error)) setOffline(true);
      else onError(error);
    } finally {
      setStored(loadStored(id));
      setSending(false);
    }
  }, [id, onError, queryClient]);

  // Back online (or every few seconds while answers wait): send what is still on the phone.
  useEffect(() => {
    const online = () => void send();
    window.addEventListener('online', online);
    const timer = window.setInterval(() => {
      if (pendingCount(loadStored(id)) > 0) void send();
    }, 4000);
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(timer);
    };
  }, [id, send]);

  const answer = (a: Answer) => {
    setStored(saveAnswer(id, a));
    void send();
  };
  const d = task.data;
  if (!d) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  const pending = pendingCount(stored);
  const done = d.status === 'done';
  const resultOf = (itemId: string) => d.results.find((r) => r.itemId === itemId);
  const current = (itemId: string): Answer =>
    stored.answers[itemId] ?? answerFromResult(resultOf(itemId)) ?? { itemId };
  const complete = d.items.every((i) => {
    const a = current(i.id);
    if (i.kind === 'pass') return typeof a.pass === 'boolean';
    if (i.kind === 'number') return typeof a.value === 'number';
    if (i.kind === 'text') return Boolean(a.text?.trim());
    return Boolean(a.photoIds?.length);
  });
  return (
    <div data-testid="tech-checklist">
      <Button
        type="link"
        onClick={() => navigate(d.equipmentId ? `/tech/equipment/${d.equipmentId}` : '/tech/inspections')}
        style={{ paddingInline: 0 }}
      >
        ‹ {t('assets.tech.back')}
      </Button>
      <Typography.Title level={4} style={{ margin: '4px 0' }}>
        {d.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {d.equipmentCode ? `${d.equipmentCode} ${d.equipmentName} · ${d.location}` : d.system} · v
        {d.checklistVersion}
      </Typography.Text>
      {offline && (
        <Alert
          type="warning"
          showIcon
          icon={<WifiOutlined />}
          message={t('assets.tech.offline')}
          style={{ margin: '8px 0' }}
          data-testid="offline-banner"
        />
      )}
      {pending > 0 ? (
        <Tag
          icon={<CloudUploadOutlined />}
          color="orange"
          style={{ margin: '8px 0' }}
          data-testid="pending-count"
        >
          {t('assets.tech.pending', { count: pending })}
        </Tag>
      ) : (
        Object.keys(stored.answers).length > 0 && (
          <Tag color="green" style={{ margin: '8px 0' }} data-testid="synced">
            {t('assets.tech.synced')}
          </Tag>
        )
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          message={t('assets.tech.alreadyDone')}
          style={{ margin: '8px 0' }}
          data-testid="task-done"
        />
      )}
      {d.items.map((item) => {
        const a = current(item.id);
        const r = resultOf(item.id);
        const out = item.kind === 'number' && outOfRange(item, a.value);
        return (
          <div
            key={item.id}
            style={{ background: '#fff', borderRadius: 12, padding: 14, margin: '10px 0' }}
            data-testid={`item-${item.id}`}
          >
            <div style={{ fontWeight: 600, marginBottom: 8 }}>
              {item.label}
              {item.photo === 'required' && item.kind !== 'photo' && (
                <Tag style={{ marginInlineStart: 6 }}>{t('assets.tech.photoRequired')}</Tag>
              )}
            </div>
            {item.kind === 'pass' && (
              <div style={{ display: 'flex', gap: 8 }}>
                <Button
                  size="large"
                  block
                  disabled={done}
                  type={a.pass === true ? 'primary' : 'default'}
                  icon={<CheckOutlined />}
                  onClick={() => answer({ ...a, itemId: item.id, pass: true })}
                  data-testid={`item-${item.id}-pass`}
                >
                  {t('assets.tech.pass')}
                </Button>
                <Button
                  size="large"
                  block
                  disabled={done}
                  danger={a.pass === false}
                  type={a.pass === false ? 'primary' : 'default'}
                  icon={<CloseOutlined />}
                  onClick={() => answer({ ...a, itemId: item.id, pass: false })}
                  data-testid={`item-${item.id}-fail`}
                >
                  {t('assets.tech.fail')}
                </Button>
              </div>
            )}
            {item.kind === 'number' && (
              <>
                <InputNumber
                  size="large"
                  style={{ width: '100%' }}
                  disabled={done}
                  inputMode="decimal"
                  addonAfter={item.unit ?? undefined}
                  placeholder={t('assets.tech.value')}
                  defaultValue={a.value}
                  status={out ? 'error' : undefined}
                  onBlur={(e) => {
                    const v = Number.parseFloat(e.target.value);
                    if (Number.isFinite(v) && v !== a.value) answer({ ...a, itemId: item.id, value: v });
                  }}
                  onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
                  data-testid={`item-${item.id}-value`}
                />
                <Typography.Text type={out ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {out
                    ? t('assets.tech.outOfRange')
                    : t('assets.tech.range', {
                        range: `${item.min ?? '—'}–${item.max ?? '—'}${item.unit ?? ''}`,
                      })}
                </Typography.Text>
              </>
            )}
            {item.kind === 'text' && (
              <Input.TextArea
                rows={2}
                disabled={done}
                defaultValue={a.text}
                onBlur={(e) =>
                  e.target.value.trim() &&
                  e.target.value !== a.text &&
                  answer({ ...a, itemId: item.id, text: e.target.value })
                }
                data-testid={`item-${item.id}-text`}
              />
            )}
            {(item.kind === 'photo' || item.photo !== 'none') && !done && (
              <PhotoPicker
                testId={`item-${item.id}-photo`}
                projectId={projectId}
                max={5}
                value={(a.photoIds ?? []).map(uploadUrl)}
                onChange={(urls) =>
                  answer({
                    ...a,
                    itemId: item.id,
                    photoIds: urls.map(uploadIdOf).filter((x): x is number => x !== null),
                  })
                }
              />
            )}
            {r?.workOrderNumber && (
              <Tag
                color={r.workOrderStatus === '已完成' ? 'green' : 'orange'}
                style={{ marginTop: 8 }}
                data-testid={`item-${item.id}-wo`}
              >
                {t('assets.tech.workOrder', { number: r.workOrderNumber, status: r.workOrderStatus })}
              </Tag>
            )}
          </div>
        );
      })}
      {!done && (
        <Button
          type="primary"
          size="large"
          block
          disabled={!complete}
          loading={sending}
          style={{ height: 52, marginTop: 8 }}
          onClick={() => {
            setStored(markComplete(id));
            void send();
          }}
          data-testid="checklist-submit"
        >
          {t('assets.tech.submit')}
        </Button>
      )}
    </div>
  );
}

function answerFromResult(r: InspectionTaskDetail['results'][number] | undefined): Answer | null {
  if (!r) return null;
  return {
    itemId: r.itemId,
    ...(r.pass !== null ? { pass: r.pass } : {}),
    ...(r.value !== null ? { value: r.value } : {}),
    ...(r.text !== null ? { text: r.text } : {}),
    ...(r.photoIds.length ? { photoIds: r.photoIds } : {}),
  };
}
