import type { Supervision } from '@guanjia/shared/api';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';

/** The 督办 banner: on the ticket and on the responsible person's list; red once the deadline passed. */
export function SupervisionBanner({ s, compact = false }: { s: Supervision; compact?: boolean }) {
  const { t } = useTranslation();
  const deadline = formatDateTime(s.deadline).slice(0, 16);
  return (
    <Alert
      type={s.overdue ? 'error' : 'warning'}
      showIcon
      banner={compact}
      style={{ marginBottom: compact ? 0 : 12 }}
      data-testid="supervision-banner"
      data-overdue={s.overdue ? 'true' : 'false'}
      message={
        s.overdue
          ? t('complaints.panel.bannerOverdue', { note: s.note, deadline, level: s.level })
          : t('complaints.panel.banner', { note: s.note, deadline })
      }
    />
  );
}
