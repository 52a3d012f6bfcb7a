import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/** A unit of the project, found by its label prefix ("1-1-1" lists 1-1-101 …). */
export function CollectionUnitPicker({
  projectId,
  value,
  onChange,
}: {
  projectId: number;
  value?: number;
  onChange?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const units = useQuery({
    queryKey: ['units', 'pick', projectId, q],
    queryFn: () =>
      api.get<{ items: { id: number; label: string }[] }>('/api/units', {
        projectId,
        q: q || undefined,
        pageSize: 20,
      }),
  });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      placeholder={t('collection.log.unitPlaceholder')}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.label }))}
      data-testid="unit-picker"
    />
  );
}
