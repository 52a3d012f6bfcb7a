import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { usePendingBindings } from './bindingsApi';

/** The menu entry with the number of portal requests waiting at this project's desk. */
export function BindingsNavLabel() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const pending = usePendingBindings(projectId);
  return (
    <Badge count={pending.data ?? 0} size="small" offset={[10, 0]}>
      {t('bindings.desk.nav')}
    </Badge>
  );
}
