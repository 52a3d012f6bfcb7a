import type { Permission } from '@guanjia/shared';

export type HomeRole = 'technician' | 'manager' | 'lead' | 'agent' | 'general';

/**
 * Which home a user lands on, from what their roles allow rather than role codes (a company may rename
 * or combine roles): field staff → the technician view; whoever edits SLA policies (主管, 项目经理,
 * 管理员) → today's KPIs; whoever reviews notices (班长) → the team queue; whoever logs tickets (座席) →
 * their own desk; everyone else (质检, 专家, 财务 …) → the general dashboard.
 */
export function homeRoleOf(can: (p: Permission) => boolean): HomeRole {
  if (can('workorders.execute') && !can('tickets.read')) return 'technician';
  if (can('sla.manage') && can('reports.read')) return 'manager';
  if (can('notices.review') && can('tickets.read')) return 'lead';
  if (can('tickets.write') && can('callbacks.write')) return 'agent';
  return 'general';
}
