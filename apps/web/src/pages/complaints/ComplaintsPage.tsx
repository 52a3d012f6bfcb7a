import { Card, Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { LedgerTab } from './LedgerTab';
import { OverdueWeekTab } from './OverdueWeekTab';
import { TodayTab } from './TodayTab';
import { WarningsTab } from './WarningsTab';

type Tab = 'ledger' | 'today' | 'week' | 'warnings';

/** 投诉台账 with the daily review, the weekly overdue analysis and the warnings (Q52, R04). */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'ledger';
  return (
    <div>
      <PageHeader title={t('complaints.title')} subTitle={t('complaints.subtitle')} />
      <Card>
        {projectId ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams(k === 'ledger' ? {} : { tab: k }, { replace: true })}
            destroyOnHidden
            items={[
              {
                key: 'ledger',
                label: t('complaints.tabs.ledger'),
                children: <LedgerTab projectId={projectId} />,
              },
              {
                key: 'today',
                label: t('complaints.tabs.today'),
                children: <TodayTab projectId={projectId} />,
              },
              {
                key: 'week',
                label: t('complaints.tabs.week'),
                children: <OverdueWeekTab projectId={projectId} />,
              },
              {
                key: 'warnings',
                label: t('complaints.tabs.warnings'),
                children: <WarningsTab projectId={projectId} />,
              },
            ]}
          />
        ) : (
          <Empty description={t('complaints.noProject')} />
        )}
      </Card>
    </div>
  );
}
