export const NOTICE_TYPES = [
  '停水停电',
  '欠费提醒',
  '社区活动',
  '安全提示',
  '施工公告',
  '消防演练',
  '一般通知',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** W-30: 草稿 → 待审核 (客服班长) → 待批准 (项目负责人) → 已批准 → 已发布; emergencies publish from 草稿. */
export const NOTICE_STATUSES = ['草稿', '待审核', '待批准', '已批准', '已发布', '已撤回'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
