import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Resident } from '../../api/types';
import { TagList, VipBadge } from '../../components/ResidentBadges';
import { useVocab } from '../../vocab';

export function ResidentCard({ residentId }: { residentId: number }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const resident = useQuery({
    queryKey: ['resident', residentId],
    queryFn: () => api.get<Resident>(`/api/residents/${residentId}`),
    meta: { silent: true },
  });
  const r = resident.data;
  return (
    <Card
      size="small"
      title={t('tickets.residentCard')}
      loading={resident.isLoading}
      style={{ marginBottom: 16 }}
    >
      {r ? (
        <div data-testid="resident-card">
          <Space size={6} style={{ marginBottom: 6 }}>
            <Link to={`/residents/${r.id}`} style={{ fontWeight: 600 }}>
              {r.name}
            </Link>
            <VipBadge vip={r.vip} />
          </Space>
          {r.tags.length > 0 && (
            <div style={{ marginBottom: 6 }}>
              <TagList tags={r.tags} />
            </div>
          )}
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'phones',
                label: t('residents.fields.phones'),
                children: r.phones.map((p) => p.number).join(' / ') || '—',
              },
              {
                key: 'units',
                label: t('residents.fields.units'),
                children: r.units.map((u) => `${u.label}（${vocab.relation(u.relation)}）`).join('、') || '—',
              },
            ]}
          />
        </div>
      ) : (
        <Typography.Text type="secondary">{t('residents.notFound')}</Typography.Text>
      )}
    </Card>
  );
}
