import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 催 n: how often the resident chased the ticket (Q44). */
export function UrgeBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > 0 ? <Tag color="gold">{t('desk.urge.count', { count })}</Tag> : null;
}
