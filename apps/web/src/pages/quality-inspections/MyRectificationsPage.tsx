import { Card, Empty, List, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { useRectifications } from './hooks';
import { RectificationDrawer, stateColor } from './RectificationPanel';

/** 我的整改 on a phone: what I (or my department) must fix or re-check, the most urgent first. */
export default function MyRectificationsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<string>('open');
  const [open, setOpen] = useState<number | null>(null);
  const list = useRectifications({ mine: 'true', state, pageSize: 50 });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }} data-testid="my-rect">
      <h3>{t('qi.nav.mine')}</h3>
      <Segmented
        block
        value={state}
        onChange={(v) => setState(String(v))}
        options={['open', 'submitted', 'closed'].map((s) => ({ value: s, label: t(`qi.rstate.${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      {list.data?.items.length === 0 && <Empty description={t('qi.rect.empty')} />}
      <List
        dataSource={list.data?.items ?? []}
        renderItem={(r) => (
          <Card
            size="small"
            style={{ marginBottom: 8 }}
            onClick={() => setOpen(r.id)}
            data-testid="my-rect-item"
          >
            <b>{r.title}</b> <Tag color={stateColor[r.state]}>{t(`qi.rstate.${r.state}`)}</Tag>
            {r.overdue && <Tag color="red">{t('qi.rect.overdue')}</Tag>}
            <div style={{ color: '#888', fontSize: 12 }}>
              {r.location} · {r.departmentName} · {t('qi.rect.deadline')} {formatDateTime(r.deadline)}
            </div>
          </Card>
        )}
      />
      <RectificationDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
