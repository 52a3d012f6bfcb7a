import { formatFen } from '@guanjia/shared';
import type { CashierUnitHits as Hits } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';

/** Find a unit at the desk by its label, a resident's name or a phone number. */
export function UnitPicker({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (unitId: number | null) => void;
}) {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['cashier-units', projectId, q],
    queryFn: () => api.get<Hits>('/api/cashier/units', { q, projectId: projectId ?? undefined }),
    enabled: q.trim().length > 0,
  });
  return (
    <Select
      showSearch
      allowClear
      value={value ?? undefined}
      placeholder={t('payments.search')}
      style={{ width: 420, maxWidth: '100%' }}
      filterOption={false}
      onSearch={setQ}
      onChange={(v?: number) => onChange(v ?? null)}
      notFoundContent={q ? t('payments.searchEmpty') : null}
      loading={hits.isFetching}
      data-testid="unit-picker"
      options={(hits.data?.items ?? []).map((h) => ({
        value: h.unitId,
        label: `${h.label}${h.residentNames.length ? ` · ${h.residentNames.join('、')}` : ''}${h.arrears ? ` · ${t('payments.balance')} ${formatFen(h.arrears)}` : ''}`,
      }))}
    />
  );
}
