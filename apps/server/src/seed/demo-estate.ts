import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';

// Placeholder replaced by the full demo estate generator.
export async function seedDemoEstate(_services: Services, _boot: Bootstrap): Promise<string> {
  return 'none';
}
