import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { ReportEmergencyForm } from '../emergencies/ReportEmergencyForm';

/** The guard's one screen on the phone: type, building, place, photo — reported, the team leader alerted. */
export default function TechEmergencyPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <div style={{ padding: 12 }}>
      <Card size="small">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('emergencies.phone.title')}
        </Typography.Title>
        {projectId && (
          <ReportEmergencyForm
            projectId={projectId}
            onDone={(e) => {
              void message.success(t('emergencies.phone.sent'));
              void navigate('/tech', { state: { reported: e.number } });
            }}
          />
        )}
      </Card>
    </div>
  );
}
