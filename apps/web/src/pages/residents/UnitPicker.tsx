import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page, Unit } from '../../api/types';

export interface KnownUnit {
  unitId: number;
  label: string;
}

/** Pick a unit of the project by typing its label prefix ("3-2-12"); shows known labels for current values. */
export function UnitPicker({
  projectId,
  known,
  value,
  onChange,
  id,
}: {
  projectId: number | null;
  known: KnownUnit[];
  value?: number;
  onChange?: (value: number) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const results = useQuery({
    queryKey: ['units', 'picker', projectId, search],
    queryFn: () =>
      api.get<Page<Unit>>('/api/units', { projectId, q: search || undefined, page: 1, pageSize: 30 }),
    enabled: Boolean(projectId),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const seen = new Map<number, string>();
    for (const k of known) seen.set(k.unitId, k.label);
    for (const u of results.data?.items ?? []) seen.set(u.id, u.label);
    return [...seen].map(([unitId, label]) => ({ value: unitId, label }));
  }, [known, results.data]);
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('residents.form.unitPlaceholder')}
      loading={results.isFetching}
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
      notFoundContent={results.isFetching ? null : t('residents.form.unitNotFound')}
      style={{ width: '100%' }}
      data-testid="unit-picker"
    />
  );
}
