/**
 * Ticket, work-order and SLA vocabularies shared by the server's validation and the console.
 * Values are the Chinese labels staff see (as for UNIT_TYPES); the server's pure rules import these.
 */
export const TICKET_TYPES = ['报修', '投诉', '咨询', '建议', '求助', '表扬'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** 急 = urgent (water/electric), 一般 = ordinary, 预约 = by appointment (needs appointmentAt). */
export const TICKET_PRIORITIES = ['急', '一般', '预约'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = [
  'phone',
  'walk-in',
  'portal',
  'email',
  'app',
  'voicemail',
  'patrol',
  'inspection',
] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_STATUSES = ['待受理', '处理中', '待回访', '已关闭', '已取消'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Not yet closed or cancelled: the ticket still has work, and its SLA clocks can still move. */
export const OPEN_TICKET_STATUSES = ['待受理', '处理中', '待回访'] as const satisfies readonly TicketStatus[];

export const WORK_ORDER_STATUSES = [
  '待派单',
  '已派单',
  '已接单',
  '已到场',
  '处理中',
  '挂起',
  '已完成',
  '已取消',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Work orders a technician holds: they count against the open-order cap. */
export const HELD_WORK_ORDER_STATUSES = ['已派单', '已接单', '已到场', '处理中', '挂起'] as const;

export const DISPATCH_MODES = ['assign', 'grab', 'round-robin', 'least-load'] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];

/** Per category: call back always, only when the resident did not rate in the portal, or never. */
export const CALLBACK_RULES = ['always', 'unrated', 'never'] as const;
export type CallbackRule = (typeof CALLBACK_RULES)[number];

export const SLA_CLOCK_KINDS = ['respond', 'dispatch', 'arrive', 'resolve', 'reply', 'callback'] as const;
export type SlaClockKind = (typeof SLA_CLOCK_KINDS)[number];

export const SLA_CLOCK_STATES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

/** A ticket's badge in lists: green / amber / red. */
export const SLA_BADGES = ['ok', 'warning', 'breached'] as const;
export type SlaBadge = (typeof SLA_BADGES)[number];

/** Human number prefixes: BX-JXHY-20261122-0007 is the 7th repair of the day in 锦绣花园 (code JXHY). */
export const TICKET_NUMBER_PREFIX: Record<TicketType, string> = {
  报修: 'BX',
  投诉: 'TS',
  咨询: 'ZX',
  建议: 'JY',
  求助: 'QZ',
  表扬: 'BY',
};
export const WORK_ORDER_NUMBER_PREFIX = 'PG';

export const NOTIFICATION_KINDS = [
  'sla.warning',
  'sla.breached',
  'dispatch.escalated',
  'workorder.assigned',
  'callback.due',
  'complaint.created',
  // 投诉闭环: a 重大 complaint (to the project manager at once), a ticket handed to a department or
  // person, a handling result to review or sent back, a 督办 and its missed deadline, a 投诉预警.
  'complaint.major',
  'complaint.assigned',
  'complaint.review',
  'complaint.rejected',
  // Every work order of a complaint is done: its handling result is to be written and reviewed.
  'complaint.work_done',
  'supervision.created',
  'supervision.overdue',
  'complaint.warning',
  // 催单: the resident chased an open ticket (issue 13).
  'ticket.urged',
  // 工程管理: a plan whose last tasks were all missed; a warranty about to end (issue 16).
  'assets.missed',
  'assets.warranty',
  // 维保单位 (issue 16): a maintenance contract ends within the reminder period.
  'contract.expiring',
  // 前台服务 (issue 20): a key or a loaned item not back by its expected return.
  'desk.overdue',
  // 应急 (issue 17): a step to act on, and a missed step climbing the duty ladder.
  'emergency.alert',
  'emergency.escalated',
  // 催缴: a follow-up task for the 客服主管, an escalation to the project manager, a 上门收费 visit.
  'collection.task',
  'collection.escalated',
  'collection.door',
  // 满意度 and 走访 (issue 19): a half-year without a survey (Q80), a project head short of the month's
  // visits (Q85), a move-in visit past its day (Q86/Q87).
  'survey.due',
  'visit.quota',
  'visit.overdue',
  // 整改单 (issue 18): a new item for its owner or department, a fix to re-check, a failed re-check
  // sent back, and an item past its deadline escalated to the department head and project manager.
  'rectification.opened',
  'rectification.submitted',
  'rectification.rejected',
  'rectification.overdue',
  // 管理日报 (issue 21): yesterday's figures for the project's managers at 08:00 local time.
  'analytics.digest',
  // 智能分类 (issue 22): a portal or e-mail ticket made urgent by its text, for the 班长.
  'triage.urgent',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Callback rule per ticket type (HC 小区 keeps one per repair type):
 * 'required' — closes only on a satisfied callback (Q39, the product default);
 * 'optional' — goes to 待回访 but a supervisor may close without one;
 * 'never' — closes directly when the work is done.
 */
export const CALLBACK_POLICIES = ['required', 'optional', 'never'] as const;
export type CallbackPolicy = (typeof CALLBACK_POLICIES)[number];

/** Why a work order left its holder (one hand-off row per holder). */
export const HANDOFF_REASONS = [
  'dispatched',
  'grabbed',
  'transferred',
  'returned',
  'completed',
  'cancelled',
  'timed_out',
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];
