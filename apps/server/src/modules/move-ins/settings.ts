import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const DEFECT_REPLY_WORKING_DAYS = defineSetting({
  key: 'moveIns.replyWorkingDays',
  schema: z.number().int().min(0).max(10),
  // Q41: an ordinary handover defect is answered within one working day after the fix.
  defaultValue: 1,
  qid: 'Q41',
  description: 'A fixed move-in defect is answered to the owner within this many working days',
});

export const LONG_FIX_DAYS = defineSetting({
  key: 'moveIns.longFixDays',
  schema: z.number().int().min(1).max(180),
  // Q41 "整改周期较长": the seed gives no number; a fix planned beyond a week counts as long.
  defaultValue: 7,
  qid: 'Q41',
  description: 'A defect whose fix takes more days than this gets regular progress reports',
});

export const PROGRESS_INTERVAL_DAYS = defineSetting({
  key: 'moveIns.progressIntervalDays',
  schema: z.number().int().min(1).max(60),
  // Q41: long fixes report progress to the owner every week until done.
  defaultValue: 7,
  qid: 'Q41',
  description: 'A long defect fix reports progress to the owner every this many days until done',
});

export const MOVE_IN_DOCUMENTS = defineSetting({
  key: 'moveIns.documents',
  schema: z.array(z.string().min(1).max(40)).max(30),
  // W-13 steps 1–2: what the owner brings and the move-in pack signed for.
  defaultValue: ['身份证原件及复印件', '入住通知书', '委托协议书（代办时）', '受托人身份证（代办时）'],
  description: 'Documents checked at the move-in desk (W-13)',
});

export const MOVE_IN_AGREEMENTS = defineSetting({
  key: 'moveIns.agreements',
  schema: z.array(z.string().min(1).max(40)).max(30),
  // W-13 step 1's pack: the papers the owner signs.
  defaultValue: ['住宅使用公约', '装修管理协议', '保管钥匙委托书', '入住资料签收表', '业主信息表'],
  description: 'Agreements signed at move-in (W-13)',
});
