import { ArrowLeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { CheckinResult, Patrol } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { formatDateTime } from '../../format';
import { GradeTag, PatrolStatusTag, today } from './PatrolTags';

type Note = { type: 'success' | 'info' | 'error'; text: string };

/** 我的巡更 on the phone: today's patrols, the open one's points, and a field a scanner types into. */
export default function TechPatrolPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['patrols', 'mine', projectId],
    queryFn: async () => {
      const [active, day] = await Promise.all([
        api.get<{ items: Patrol[] }>('/api/patrols', { projectId, active: 'true', pageSize: 50 }),
        api.get<{ items: Patrol[] }>('/api/patrols', { projectId, date: today(), pageSize: 50 }),
      ]);
      const seen = new Set(active.items.map((p) => p.id));
      return { active: active.items, done: day.items.filter((p) => !seen.has(p.id)) };
    },
    enabled: Boolean(projectId),
  });
  const open = [...(list.data?.active ?? []), ...(list.data?.done ?? [])].find((p) => p.id === openId);
  if (open) return <PatrolScan patrol={open} onBack={() => setOpenId(null)} />;
  return (
    <div style={{ padding: 12 }}>
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {t('patrol.mine.title')}
      </Typography.Title>
      {list.isLoading && <Spin />}
      {list.data && !list.data.active.length && !list.data.done.length && (
        <Empty description={t('patrol.mine.none')} />
      )}
      {list.data?.active.length ? (
        <Section title={t('patrol.mine.now')} items={list.data.active} onOpen={setOpenId} />
      ) : null}
      {list.data?.done.length ? (
        <Section title={t('patrol.mine.today')} items={list.data.done} onOpen={setOpenId} />
      ) : null}
    </div>
  );
}

function Section({ title, items, onOpen }: { title: string; items: Patrol[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {items.map((p) => (
        <button
          type="button"
          key={p.id}
          onClick={() => onOpen(p.id)}
          data-testid="patrol-card"
          style={{
            display: 'block',
            width: '100%',
            textAlign: 'left',
            background: '#fff',
            border: 0,
            borderRadius: 8,
            padding: 12,
            margin: '8px 0',
            cursor: 'pointer',
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <PatrolStatusTag status={p.status} />
            <span style={{ fontWeight: 600, fontSize: 16 }}>{p.routeName}</span>
          </div>
          <div style={{ color: '#595959', marginTop: 4 }}>
            {formatDateTime(p.startsAt)} · {t('patrol.progress')} {p.counts.scanned}/{p.counts.planned}
          </div>
        </button>
      ))}
    </>
  );
}

function PatrolScan({ patrol, onBack }: { patrol: Patrol; onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [note, setNote] = useState<Note | null>(null);
  const scan = useMutation({
    mutationFn: (value: string) =>
      api.post<CheckinResult>(`/api/patrols/${patrol.id}/checkins`, { code: value }),
    onSuccess: (r) => {
      const point = r.patrol.checks.find((c) => c.pointId === r.pointId)?.name ?? '';
      const grade = t(`patrol.grades.${r.grade}`);
      setNote({
        type: r.recorded ? 'success' : 'info',
        text: t(r.recorded ? 'patrol.mine.recorded' : 'patrol.mine.repeat', { point, grade }),
      });
      setCode('');
      void queryClient.invalidateQueries({ queryKey: ['patrols'] });
    },
    onError: (error) =>
      setNote({ type: 'error', text: error instanceof ApiError ? error.message : String(error) }),
  });
  const next = patrol.checks.find((c) => !c.scannedAt && c.grade === null);
  return (
    <div style={{ padding: 12 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={onBack} style={{ padding: 0 }}>
        {t('patrol.mine.back')}
      </Button>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, margin: '4px 0 8px' }}>
        <PatrolStatusTag status={patrol.status} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {patrol.routeName}
        </Typography.Title>
      </div>
      <div style={{ color: '#595959', marginBottom: 8 }}>{formatDateTime(patrol.startsAt)}</div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) scan.mutate(code.trim());
        }}
        style={{ display: 'flex', gap: 8 }}
      >
        <Input
          size="large"
          prefix={<QrcodeOutlined />}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('patrol.mine.scanPlaceholder')}
          data-testid="patrol-code"
          autoFocus
        />
        <Button
          size="large"
          type="primary"
          htmlType="submit"
          loading={scan.isPending}
          data-testid="patrol-scan"
        >
          {t('patrol.mine.scan')}
        </Button>
      </form>
      {note && (
        <Alert
          style={{ marginTop: 8 }}
          type={note.type}
          message={note.text}
          showIcon
          data-testid="patrol-note"
        />
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
        {patrol.status === '已完成'
          ? t('patrol.mine.done')
          : next
            ? t('patrol.mine.next', { point: next.name })
            : ''}
      </Typography.Text>
      <div style={{ background: '#fff', borderRadius: 8, marginTop: 8 }}>
        {patrol.checks.map((c) => (
          <div
            key={c.pointId}
            data-testid="patrol-point"
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              padding: '10px 12px',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <span style={{ width: 22, color: '#8c8c8c' }}>{c.seq}</span>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ fontWeight: 500 }}>{c.name}</div>
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                {c.place} · {formatDateTime(c.windowFrom).slice(-5)}–{formatDateTime(c.windowTo).slice(-5)}
                {c.scannedAt ? ` · ${formatDateTime(c.scannedAt).slice(-5)}` : ''}
              </div>
            </div>
            <GradeTag grade={c.grade} />
          </div>
        ))}
      </div>
    </div>
  );
}
