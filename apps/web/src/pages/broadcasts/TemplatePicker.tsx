import type { MessageTemplate } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/** Pick a saved template (the project's own in place of the company's) to fill a message text. */
export function TemplatePicker({
  projectId,
  onPick,
  testId,
}: {
  projectId: number;
  onPick: (body: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: ['message-templates', projectId],
    queryFn: () => api.get<{ items: MessageTemplate[] }>('/api/message-templates', { projectId }),
  });
  return (
    <Select
      allowClear
      placeholder={t('broadcasts.templates.usePlaceholder')}
      options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}(${x.kind})` }))}
      onChange={(id?: number) => {
        const chosen = templates.data?.items.find((x) => x.id === id);
        if (chosen) onPick(chosen.body);
      }}
      data-testid={testId}
    />
  );
}
