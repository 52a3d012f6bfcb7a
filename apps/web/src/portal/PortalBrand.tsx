import type { PortalBranding } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { portalApi } from './api';

/** Whose portal this is: the company's logo and name, and the 小区 of my units. */
export function PortalBrand() {
  const { t } = useTranslation();
  const branding = useQuery({
    queryKey: ['portal', 'branding'],
    queryFn: () => portalApi.get<PortalBranding>('/api/portal/branding'),
    staleTime: 5 * 60_000,
  });
  const b = branding.data;
  if (!b) return null;
  return (
    <div
      style={{ display: 'flex', alignItems: 'center', gap: 10, marginBottom: 8, minWidth: 0 }}
      data-testid="portal-brand"
    >
      <img
        src={b.company.logoUrl}
        alt={b.company.name}
        width={40}
        height={40}
        style={{ borderRadius: 8, flex: 'none', objectFit: 'contain', background: '#fff' }}
        data-testid="portal-logo"
      />
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }} data-testid="portal-company">
          {b.company.name}
        </Typography.Text>
        {b.projects.length > 0 && (
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ display: 'block' }}
            data-testid="portal-estates"
          >
            {t('portalReport.estates', { names: b.projects.map((p) => p.name).join('、') })}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
