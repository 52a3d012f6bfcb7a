import type { App } from '../../platform/http/app-types';
import { calendarRoutes } from './calendar-routes';
import { policyRoutes } from './policy-routes';

export async function slaRoutes(app: App): Promise<void> {
  await policyRoutes(app);
  await calendarRoutes(app);
}
