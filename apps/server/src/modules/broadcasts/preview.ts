import type { DbOrTx } from '../../platform/db/client';
import { chooseChannel } from '../delivery/rules/channel';
import type { PreparedMessage } from '../incidents/notify';
import { approvalThreshold } from './approval-gate';
import { approvalDecision } from './rules/approval';
import { summarizeRecipients } from './rules/preview';

/**
 * What a send would do, computed by the same code that sends and writing nothing: recipients per
 * channel, the exact text on each, and whether it would be held for a second person.
 */
export async function previewOf(
  db: DbOrTx,
  m: PreparedMessage,
  facts: { emergency: boolean; initiatorId: number; approverId: number | null },
) {
  const summary = summarizeRecipients(
    m.recipients,
    (r) => m.message.channel ?? chooseChannel(r.preferredChannel, { mobile: !!r.mobile, email: !!r.email }),
    m.bodyOf,
  );
  const threshold = await approvalThreshold(db, m.message.companyId, m.message.projectId);
  const decision = approvalDecision({ ...facts, recipients: summary.recipients, threshold });
  return {
    ...summary,
    subject: m.message.subject,
    urgent: m.message.urgent,
    threshold,
    approvalRequired: !decision.go,
  };
}
