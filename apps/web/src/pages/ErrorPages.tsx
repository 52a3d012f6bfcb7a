import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

// Loaded lazily like every page: antd's Result carries its illustrations, too heavy for the first route.

export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('errors.pageForbidden')} />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('errors.pageNotFound')} />;
}
