import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { formatDateTime } from '../../format';
import { useInspections } from './hooks';
import { StartDialog } from './InspectionsPage';

/** The inspector's phone: today's planned and unfinished inspections, and 开始检查 for a 明查/暗访. */
export default function MobileInspectionsPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const list = useInspections({ projectId: projectId ?? undefined, mine: 'true', pageSize: 50 });
  const open = (list.data?.items ?? []).filter((i) => i.state === 'planned' || i.state === 'in_progress');
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }} data-testid="qi-mobile">
      <h3>{t('qi.nav.inspections')}</h3>
      <Button
        type="primary"
        block
        size="large"
        icon={<PlusOutlined />}
        onClick={() => setStarting(true)}
        data-testid="qi-start"
      >
        {t('qi.list.start')}
      </Button>
      {open.length === 0 && <Empty style={{ marginTop: 24 }} />}
      <List
        style={{ marginTop: 12 }}
        dataSource={open}
        renderItem={(i) => (
          <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/quality/inspect/${i.id}`)}>
            <b>{i.title || i.sheetName}</b> <Tag>{t(`qi.mode.${i.mode}`)}</Tag>
            <Tag color="blue">{t(`qi.state.${i.state}`)}</Tag>
            <div style={{ color: '#888', fontSize: 12 }}>
              {i.area} {i.scheduledAt ? formatDateTime(i.scheduledAt) : ''}
            </div>
          </Card>
        )}
      />
      {starting && projectId && (
        <StartDialog
          projectId={projectId}
          onClose={() => setStarting(false)}
          onStarted={(id) => navigate(`/quality/inspect/${id}`)}
        />
      )}
    </div>
  );
}
