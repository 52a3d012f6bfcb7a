import type { App } from '../platform/http/app-types';
import { importRoutes } from './imports/routes';
import { orgRoutes } from './org/routes';
import { residentRoutes } from './residents/routes';
import { staffRoutes } from './staff/routes';

/** Every business module's routes and jobs; platform code never imports these. */
export async function registerModules(app: App): Promise<void> {
  await app.register(orgRoutes);
  await app.register(residentRoutes);
  await app.register(staffRoutes);
  await app.register(importRoutes);
}
