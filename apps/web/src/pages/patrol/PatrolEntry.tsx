import { NodeIndexOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';

/** The way from the phone's home to 我的巡更, for whoever walks patrols. */
export function PatrolEntry() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  if (!can('inspections.execute')) return null;
  return (
    <button
      type="button"
      data-testid="patrol-entry"
      onClick={() => navigate('/tech/patrols')}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        width: 'calc(100% - 24px)',
        margin: '12px 12px 0',
        padding: '12px',
        background: '#fff',
        border: 0,
        borderRadius: 8,
        fontSize: 16,
        cursor: 'pointer',
      }}
    >
      <NodeIndexOutlined style={{ color: '#1677ff' }} />
      <span style={{ flex: 1, textAlign: 'left' }}>{t('patrol.nav.mine')}</span>
      <RightOutlined style={{ color: '#bfbfbf' }} />
    </button>
  );
}
