import { UNIT_TYPES } from '@guanjia/shared';
import type { FeeItem } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuildings } from '../../api/hooks';
import { useApiError } from '../../components/feedback';

type By = 'buildings' | 'types';

/** Attach a fee item to units in bulk: whole buildings or unit types (住宅, 商铺 …); or detach them. */
export function AttachModal({
  item,
  projectId,
  onClose,
}: {
  item: FeeItem | null;
  projectId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const buildings = useBuildings(projectId);
  const [by, setBy] = useState<By>('buildings');
  const [buildingIds, setBuildingIds] = useState<number[]>([]);
  const [unitTypes, setUnitTypes] = useState<string[]>([]);
  const body = by === 'buildings' ? { buildingIds } : { unitTypes };
  const empty = by === 'buildings' ? !buildingIds.length : !unitTypes.length;
  const run = useMutation({
    mutationFn: (detach: boolean) =>
      api.post<{ changed: number; unitCount: number }>(
        `/api/fee-items/${item?.id}/units${detach ? '/detach' : ''}`,
        body,
      ),
    onSuccess: (r, detach) => {
      void message.success(t(detach ? 'billing.feeItems.detached' : 'billing.feeItems.attached', r));
      void queryClient.invalidateQueries({ queryKey: ['fee-items'] });
      onClose();
    },
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open={item !== null}
      title={`${t('billing.feeItems.attach')} · ${item?.name ?? ''}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button danger disabled={empty} onClick={() => run.mutate(true)}>
            {t('billing.feeItems.detach')}
          </Button>
          <Button
            type="primary"
            disabled={empty}
            loading={run.isPending}
            onClick={() => run.mutate(false)}
            data-testid="attach-submit"
          >
            {t('billing.feeItems.attach')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={by} onChange={(e) => setBy(e.target.value as By)}>
          <Radio.Button value="buildings">{t('billing.feeItems.byBuildings')}</Radio.Button>
          <Radio.Button value="types">{t('billing.feeItems.byTypes')}</Radio.Button>
        </Radio.Group>
        {by === 'buildings' ? (
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            value={buildingIds}
            onChange={setBuildingIds}
            options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
        ) : (
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            value={unitTypes}
            onChange={setUnitTypes}
            options={UNIT_TYPES.map((u) => ({ value: u, label: u }))}
          />
        )}
      </Space>
    </Modal>
  );
}
