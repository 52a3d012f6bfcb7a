import { CloseOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Resident } from '../../api/types';
import { TagList, VipBadge } from '../../components/ResidentBadges';
import { useVocab } from '../../vocab';
import { CallerHistory } from './CallerHistory';

/** The caller picked from the archive: name, VIP, tags, phones, units, notes and recent requests. */
export function CallerCard({ resident, onClear }: { resident: Resident; onClear: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  return (
    <div style={{ marginTop: 16 }} data-testid="caller-card">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <UserOutlined style={{ fontSize: 18, color: '#1677ff' }} />
        <Link to={`/residents/${resident.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
          {resident.name}
        </Link>
        <VipBadge vip={resident.vip} />
        <div style={{ flex: 1 }} />
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('intake.clearCaller')}
          onClick={onClear}
        />
      </div>
      {resident.tags.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <TagList tags={resident.tags} />
        </div>
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'phones',
            label: t('residents.fields.phones'),
            children: resident.phones.map((p) => p.number).join(' / ') || '—',
          },
          {
            key: 'units',
            label: t('residents.fields.units'),
            children: (
              <Space size={[4, 4]} wrap>
                {resident.units.map((u) => (
                  <Tag key={u.unitId}>
                    {u.label} · {vocab.relation(u.relation)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          ...(resident.notes
            ? [{ key: 'notes', label: t('residents.fields.notes'), children: resident.notes }]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('intake.history')}
      </Typography.Title>
      <CallerHistory residentId={resident.id} />
    </div>
  );
}
