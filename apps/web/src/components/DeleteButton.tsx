import { DeleteOutlined } from '@ant-design/icons';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApiError } from './feedback';

/**
 * Delete a versioned record after a confirmation: DELETE `path?version=`; a 409 (changed meanwhile, or
 * still in use) shows the server's message through the usual error handling.
 */
export function DeleteButton({
  path,
  version,
  invalidate,
  testId,
}: {
  path: string;
  version: number;
  invalidate: QueryKey;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(path, { version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invalidate });
      void message.success(t('common.deleted'));
    },
    onError: (error) => onError(error),
  });
  return (
    <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => remove.mutate()}>
      <Button
        type="link"
        danger
        size="small"
        icon={<DeleteOutlined />}
        loading={remove.isPending}
        data-testid={testId}
      >
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
