import type { App } from '../../platform/http/app-types';
import { adjustmentRoutes } from './adjustment-routes';
import { billRoutes } from './bill-routes';
import { feeItemRoutes } from './fee-item-routes';
import { readingRoutes } from './reading-routes';

/** 收费中心 core: fee items, meter readings, billing runs, bills and their corrections. */
export async function billingRoutes(app: App): Promise<void> {
  await app.register(feeItemRoutes);
  await app.register(readingRoutes);
  await app.register(billRoutes);
  await app.register(adjustmentRoutes);
}
