import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';
import type { ChecklistItem } from './rules/score';

/** Requirements §6.7: the call/front-desk QA checklist, weights adding up to 100. */
export const QA_CHECKLIST = defineSetting({
  key: 'qa.checklist',
  schema: z
    .array(
      z.object({
        key: z.string().min(1).max(40),
        label: z.string().min(1).max(100),
        weight: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(30),
  defaultValue: [
    { key: 'rings', label: '三声内接听，超时使用致歉语（Q01、Q02）', weight: 10 },
    { key: 'greeting', label: '标准问候语，报公司和中心名称', weight: 10 },
    { key: 'language', label: '礼貌清晰、普通话、无服务禁用语', weight: 15 },
    { key: 'record', label: '记录来电人姓名、房号、事项和时间', weight: 10 },
    { key: 'replyTime', label: '技术问题约定答复时间', weight: 5 },
    { key: 'hold', label: '使用等候/返回用语', weight: 5 },
    { key: 'complaint', label: '投诉不推诿、不情绪化，诚恳致歉', weight: 10 },
    { key: 'anythingElse', label: '询问“还有什么可以帮您”', weight: 5 },
    { key: 'farewell', label: '规范道别', weight: 5 },
    { key: 'hangUpLast', label: '待对方挂机后再挂断（Q03）', weight: 5 },
    { key: 'ticket', label: '工单已建立并关联', weight: 10 },
    { key: 'callback', label: '按时限承诺并完成回访', weight: 10 },
  ] as ChecklistItem[],
  qid: 'Q01',
  description: 'QA score sheet items and weights (requirements §6.7); a finding deducts up to the weight',
});

export const QA_SAMPLE_PERCENT = defineSetting({
  key: 'qa.samplePercent',
  schema: z.number().int().min(1).max(100),
  // No seed gives a rate; 5 % of each agent's calls and tickets a week is a common QA plan.
  defaultValue: 5,
  description: 'Share of each agent’s calls and tickets sampled for QA per run (at least one each)',
});
