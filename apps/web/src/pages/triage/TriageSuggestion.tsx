import type { TriageResultDto } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/** The text with the words that drove the suggestion marked, longest first so 水管爆 wins over 水管. */
export function highlight(text: string, words: readonly string[]): ReactNode[] {
  const ws = [...words].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  const out: ReactNode[] = [];
  let i = 0;
  let plain = '';
  while (i < text.length) {
    const w = ws.find((x) => text.startsWith(x, i));
    if (w) {
      if (plain) out.push(plain);
      plain = '';
      out.push(<mark key={i}>{w}</mark>);
      i += w.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) out.push(plain);
  return out;
}

/**
 * 智能分类 on the intake form: as the agent types, the type, urgency and top 3 categories with their
 * confidence, the driving words highlighted. F2 (or the button) accepts the first; Alt+1..3 picks one.
 */
export function TriageSuggestion({
  text,
  projectId,
  onAccept,
}: {
  text: string;
  projectId: number | null;
  onAccept: (s: TriageResultDto, index: number) => void;
}) {
  const { t } = useTranslation();
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const q = useQuery({
    queryKey: ['triage', projectId, debounced],
    queryFn: () => api.post<TriageResultDto>('/api/triage', { projectId, text: debounced }),
    enabled: Boolean(projectId) && debounced.length >= 2,
    meta: { silent: true },
    staleTime: 60_000,
  });
  const s = q.data;
  useEffect(() => {
    if (!s) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        onAccept(s, 0);
      } else if (e.altKey && ['1', '2', '3'].includes(e.key)) {
        const i = Number(e.key) - 1;
        if (s.categories[i]) {
          e.preventDefault();
          onAccept(s, i);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s, onAccept]);
  if (!s || !debounced) return null;
  const urgencyColor = s.urgency === 'urgent' ? 'red' : s.urgency === 'scheduled' ? 'blue' : 'default';
  return (
    <div
      data-testid="triage-suggestion"
      style={{ marginBottom: 16, padding: 8, border: '1px dashed #91caff', borderRadius: 6 }}
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('triage.suggestion')}</Typography.Text>
        <Tag>{s.type}</Tag>
        <Tag color={urgencyColor} data-testid="triage-urgency">
          {t(`triage.urgency.${s.urgency}`)}
        </Tag>
        <Button size="small" type="primary" data-testid="triage-accept" onClick={() => onAccept(s, 0)}>
          {t('triage.accept')}
        </Button>
        <Typography.Text type="secondary">{t('triage.acceptHint')}</Typography.Text>
      </Space>
      <div>
        {s.categories.map((c, i) => (
          <Tag
            key={c.path}
            color={i === 0 ? 'processing' : undefined}
            style={{ cursor: c.id ? 'pointer' : 'default' }}
            data-testid={`triage-category-${i}`}
            onClick={() => c.id && onAccept(s, i)}
          >
            {`Alt+${i + 1} ${c.path} ${Math.round(c.confidence * 100)}%`}
          </Tag>
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="triage-highlight">
        {highlight(debounced, s.highlights)}
      </Typography.Paragraph>
      {s.reasons.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.reasons.join('；')}
        </Typography.Text>
      )}
    </div>
  );
}
