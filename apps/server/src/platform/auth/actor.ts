import type { Actor } from '../events/record-event';
import type { AuthContext } from './context';

export const userActor = (auth: AuthContext): Actor => ({
  userId: auth.userId,
  companyId: auth.companyId,
  source: 'user',
});
