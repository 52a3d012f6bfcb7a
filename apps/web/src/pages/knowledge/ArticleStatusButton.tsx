import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../api/callTypes';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

/** 发布 / 撤回为草稿: one button, the other way round from the article's status. */
export function ArticleStatusButton({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const publishing = article.status === 'draft';
  const change = useMutation({
    mutationFn: () =>
      api.post<KbArticle>(`/api/kb/articles/${article.id}/${publishing ? 'publish' : 'unpublish'}`, {
        version: article.version,
      }),
    onSuccess: (a) => {
      void message.success(publishing ? t('kbEdit.published') : t('kbEdit.unpublished'));
      queryClient.setQueryData(['kb', 'article', a.id], a);
      void queryClient.invalidateQueries({ queryKey: ['kb'] });
    },
    onError: (e) =>
      onError(e, {
        onReload: () => void queryClient.invalidateQueries({ queryKey: ['kb', 'article', article.id] }),
      }),
  });
  return (
    <Button
      type={publishing ? 'primary' : 'default'}
      loading={change.isPending}
      onClick={() => change.mutate()}
      data-testid={publishing ? 'kb-publish' : 'kb-unpublish'}
    >
      {publishing ? t('kbEdit.publish') : t('kbEdit.unpublish')}
    </Button>
  );
}
