import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { Care } from './VisitCare';
import { VisitList } from './VisitList';
import { Report } from './VisitReport';
import { Suggestions } from './VisitSuggestions';

/** 走访计划: visits to make and made, the next households to visit, and R08 (coverage, quota, move-in). */
export default function VisitsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  return (
    <>
      <PageHeader title={t('visits.title')} subTitle={t('visits.subtitle')} />
      <Tabs
        items={[
          {
            key: 'list',
            label: t('visits.tabs.list'),
            children: projectId && <VisitList projectId={projectId} />,
          },
          {
            key: 'plan',
            label: t('visits.tabs.plan'),
            children: projectId && <Suggestions projectId={projectId} />,
          },
          {
            key: 'report',
            label: t('visits.tabs.report'),
            children: projectId && <Report projectId={projectId} />,
          },
          {
            key: 'care',
            label: t('visits.tabs.care'),
            children: projectId && <Care projectId={projectId} />,
          },
        ]}
      />
    </>
  );
}
