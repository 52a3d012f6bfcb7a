export type { DeliveryStatus } from '@guanjia/shared';
/** Incident shapes: the answers come from the shared response schemas (modules/incidents on the server). */
export type {
  Delivery,
  Incident,
  IncidentKind,
  NotifyState,
  SourceDeliveryPage as DeliveryPage,
} from '@guanjia/shared/api';

import type { IncidentKind } from '@guanjia/shared/api';

// A local list: importing values from the schema module would put zod in the console's bundle.
export const INCIDENT_KINDS = [
  '停水',
  '停电',
  '停气',
  '电梯停运',
  '网络电视',
  '施工',
  '其他',
] as const satisfies readonly IncidentKind[];
