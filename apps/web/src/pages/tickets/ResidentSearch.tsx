import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page, Resident } from '../../api/types';
import { VipBadge } from '../../components/ResidentBadges';

/**
 * Caller lookup as the agent types: name, phone (or its last digits), pinyin initials or 房号. Enter takes
 * the highlighted match, so "1-1-101 ⏎" or "5678 ⏎" finds the caller without the mouse.
 */
export function ResidentSearch({
  projectId,
  onPick,
  autoFocus,
}: {
  projectId: number | null;
  onPick: (resident: Resident) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const results = useQuery({
    queryKey: ['residents', 'caller', projectId, q],
    queryFn: () => api.get<Page<Resident>>('/api/residents', { projectId, q, page: 1, pageSize: 10 }),
    enabled: Boolean(projectId) && q.length > 0,
    staleTime: 30_000,
  });
  const items = results.data?.items ?? [];
  return (
    <Select<number>
      size="large"
      style={{ width: '100%' }}
      value={null}
      autoFocus={autoFocus}
      suffixIcon={<SearchOutlined />}
      placeholder={t('intake.searchPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setInput, searchValue: input }}
      loading={results.isFetching}
      notFoundContent={q ? (results.isFetching ? null : t('dashboard.noMatch')) : t('intake.searchHint')}
      onChange={(id) => {
        const r = items.find((x) => x.id === id);
        if (r) {
          onPick(r);
          setInput('');
        }
      }}
      data-testid="caller-search"
      options={items.map((r) => ({
        value: r.id,
        label: (
          <div data-testid={`caller-option-${r.id}`} style={{ padding: '2px 0' }}>
            <Space size={6}>
              <Typography.Text strong>{r.name}</Typography.Text>
              <VipBadge vip={r.vip} />
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {r.phones.map((p) => p.number).join(' / ') || t('residents.noPhone')}
              </Typography.Text>
            </Space>
            <div style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'normal' }}>
              {r.units.map((u) => u.label).join('、') || t('residents.noUnit')}
            </div>
          </div>
        ),
      }))}
    />
  );
}
