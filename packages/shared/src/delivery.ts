/**
 * Outbound channels; `inapp` is the resident portal's own inbox (no provider call); `webhook` posts to
 * the project's own endpoint (an IM robot, the company's systems).
 */
export const DELIVERY_CHANNELS = ['inapp', 'sms', 'wechat', 'email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** pending → sent | failed; `deferred` waits for quiet hours (Q07) to end; `cancelled`: withdrawn before it went out. */
export const DELIVERY_STATUSES = ['pending', 'deferred', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What caused the message: an incident, a notice, a portal login code … */
export const DELIVERY_SOURCES = [
  'incident',
  'incident_resolved',
  'notice',
  'portal_code',
  'birthday',
  'warranty',
  'sla_warning',
  'sla_breach',
  // Q54: a progress reply on a complaint, sent by the resident's own channel.
  'complaint_reply',
  // 应急 (issue 17): a step's alert and its escalations by SMS to the people on duty.
  'emergency',
  // 催缴: a collection reminder (W-23).
  'collection',
  // 前台服务 (issue 20): parcel notices and reminders, pass and release messages.
  'desk',
  // 满意度调查 (issue 19): the survey link and its reminders.
  'survey',
  // 前台 (issue 20): facility booking reminders and waitlist offers; move-in defect replies (Q41).
  'booking',
  'move_in',
  // 管理日报 (issue 21): the managers' daily digest by e-mail/SMS per their channels.
  'analytics_digest',
] as const;
export type DeliverySource = (typeof DELIVERY_SOURCES)[number];

/** Channels a staff member can add to the in-app notification, which they always get. */
export const STAFF_CHANNELS = ['email', 'sms', 'wechat', 'webhook'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
