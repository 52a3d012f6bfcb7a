import type { BillAdjustment } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

const COLORS: Record<BillAdjustment['status'], string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'default',
};

export function AdjustmentStateTag({ adjustment: a }: { adjustment: BillAdjustment }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[a.status]} title={a.approvedByName ?? undefined}>
      {t(`billing.adjustmentStates.${a.status}`)}
    </Tag>
  );
}

/** 批准 / 驳回 for a second finance user; the requester sees no buttons on their own request. */
export function DecideButtons({ adjustment: a }: { adjustment: BillAdjustment }) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      api.post(`/api/bill-adjustments/${a.id}/decide`, { decision, version: a.version }),
    onSuccess: () => {
      void message.success(t('billing.bills.decided'));
      void queryClient.invalidateQueries({ queryKey: ['bill'] });
      void queryClient.invalidateQueries({ queryKey: ['bills'] });
      void queryClient.invalidateQueries({ queryKey: ['bill-adjustments'] });
    },
    onError: (e) => onError(e),
  });
  if (a.status !== 'pending' || !can('billing.finance') || a.requestedById === user?.id) return null;
  return (
    <Space size={4}>
      <Button
        size="small"
        type="primary"
        loading={decide.isPending}
        onClick={() => decide.mutate('approve')}
        data-testid="adjust-approve"
      >
        {t('billing.bills.approve')}
      </Button>
      <Button size="small" onClick={() => decide.mutate('reject')}>
        {t('billing.bills.reject')}
      </Button>
    </Space>
  );
}
