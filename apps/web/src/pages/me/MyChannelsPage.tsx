import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { StaffChannelsForm } from '../../components/StaffChannelsForm';

/** "My notification settings": where my SLA alerts go besides the console. */
export default function MyChannelsPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('staffChannels.title')} subTitle={t('staffChannels.subtitle')} />
      <Card style={{ maxWidth: 640 }}>
        <StaffChannelsForm path="/api/auth/me/channels" />
      </Card>
    </div>
  );
}
