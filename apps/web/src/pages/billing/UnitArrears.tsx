import { formatFen } from '@guanjia/shared';
import type { UnitArrearsList } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { formatDateTime } from '../../format';

/** 欠费 of the caller's units, for the screen pop and the resident 360 (nothing without billing.read). */
export function UnitArrears({ unitIds }: { unitIds: number[] }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const allowed = can('billing.read') && unitIds.length > 0;
  const list = useQuery({
    queryKey: ['unit-arrears', unitIds],
    queryFn: () =>
      api.get<UnitArrearsList>('/api/billing/unit-arrears', { unitIds: unitIds.slice(0, 20).join(',') }),
    enabled: allowed,
    meta: { silent: true },
  });
  if (!allowed || !list.data) return null;
  return (
    <Space orientation="vertical" size={2} data-testid="unit-arrears-brief">
      {list.data.items.map((u) => (
        <div key={u.unitId}>
          <Typography.Text strong>{u.label}</Typography.Text>{' '}
          {u.arrears > 0 ? (
            <Tag color="red">
              {t('payments.arrearsBrief.owes', {
                amount: formatFen(u.arrears),
                count: u.openBills,
                since: u.oldestDueDate ?? '—',
              })}
            </Tag>
          ) : (
            <Tag color="green">{t('payments.arrearsBrief.clear')}</Tag>
          )}
          {u.prepaidBalance > 0 && (
            <Tag>{t('payments.arrearsBrief.prepaid', { amount: formatFen(u.prepaidBalance) })}</Tag>
          )}
          {u.lastPayment && (
            <Typography.Text type="secondary">
              {t('payments.arrearsBrief.last', {
                amount: formatFen(u.lastPayment.amount),
                at: formatDateTime(u.lastPayment.paidAt),
              })}
            </Typography.Text>
          )}
        </div>
      ))}
    </Space>
  );
}
