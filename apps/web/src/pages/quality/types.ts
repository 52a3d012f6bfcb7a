/** QA seat shapes: the answers come from the shared response schemas (modules/quality on the server). */
import type { QaStatus } from '@guanjia/shared/api';

export type {
  ChecklistItem,
  QaFlag,
  QaPlan,
  QaReviewListItem as QaReview,
  QaStatus,
} from '@guanjia/shared/api';
// A local list: importing values from the schema module would put zod in the console's bundle.
export const QA_STATUSES: QaStatus[] = ['待评分', '已评分', '申诉中', '已复核'];

export const STATUS_COLOR: Record<QaStatus, string> = {
  待评分: 'default',
  已评分: 'blue',
  申诉中: 'orange',
  已复核: 'green',
};
