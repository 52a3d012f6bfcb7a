import { Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { FlagsTab } from './FlagsTab';
import { MonthlyTab } from './MonthlyTab';
import { PlanTab } from './PlanTab';
import { ReviewsTab } from './ReviewsTab';
import { usePlan } from './usePlan';

/** 质检席: sample calls and tickets, score them, settle appeals, monthly scores, the plan. */
export default function QualityPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const plan = usePlan(projectId);
  return (
    <>
      <PageHeader title={t('quality.title')} subTitle={t('quality.subtitle')} />
      {projectId ? (
        <Tabs
          items={[
            {
              key: 'reviews',
              label: t('quality.tabs.reviews'),
              children: <ReviewsTab projectId={projectId} plan={plan.data} />,
            },
            { key: 'flags', label: t('quality.tabs.flags'), children: <FlagsTab projectId={projectId} /> },
            {
              key: 'monthly',
              label: t('quality.tabs.monthly'),
              children: <MonthlyTab projectId={projectId} />,
            },
            {
              key: 'plan',
              label: t('quality.tabs.plan'),
              children: <PlanTab projectId={projectId} plan={plan.data} />,
            },
          ]}
        />
      ) : (
        <Empty description={t('quality.noProject')} />
      )}
    </>
  );
}
