import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Query, queryString } from '../api/client';
import { useAuth } from '../auth/AuthProvider';

/** Excel export of the list as filtered on screen: a plain link the browser downloads with the session cookie. */
export function ExportButton({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!can('export.run')) return null;
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <Button
      icon={<DownloadOutlined />}
      href={`${path}${queryString(filters)}`}
      target="_blank"
      rel="noopener"
      data-testid="export"
    >
      {t('common.export')}
    </Button>
  );
}
