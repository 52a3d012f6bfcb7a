import type { SurveySection } from '@guanjia/shared/api';

const levels = ['非常满意', '满意', '一般', '不满意', '非常不满意'];
const choice = (key: string, text: string, dimension: SurveySection['questions'][number]['dimension']) => ({
  key,
  text,
  type: 'single' as const,
  options: levels,
  dimension,
  required: true,
});

/**
 * 物业服务满意度调查: the semi-annual census (W-22, Q80) in the seed's terms — one question per service
 * line tagged with its dimension, the overall question Q82 reads, and room for opinions.
 */
export const STANDARD_SURVEY = {
  name: '物业服务满意度调查',
  description:
    '尊敬的业主/住户：为了解您对物业服务的意见，持续改进服务质量，我们每半年开展一次满意度调查，感谢您的支持！',
  sections: [
    {
      title: '一、客户服务',
      questions: [
        choice('kf_attitude', '客服人员的服务态度', '客服'),
        choice('kf_response', '来电来访的受理与回复及时性', '客服'),
        {
          key: 'kf_score',
          text: '请为客服中心的整体表现打分（1–5分）',
          type: 'scale5' as const,
          dimension: '客服' as const,
        },
      ],
    },
    {
      title: '二、工程维修',
      questions: [
        choice('gc_speed', '报修后维修人员到场的及时性', '工程维修'),
        choice('gc_quality', '维修质量与维修人员的服务规范', '工程维修'),
      ],
    },
    {
      title: '三、秩序维护',
      questions: [
        choice('zx_patrol', '小区安全巡逻与门岗管理', '秩序'),
        choice('zx_parking', '车辆停放与交通秩序', '秩序'),
      ],
    },
    {
      title: '四、环境与绿化',
      questions: [
        choice('hj_clean', '公共区域的清洁卫生', '环境'),
        choice('hj_garbage', '垃圾清运与分类', '环境'),
        choice('lh_green', '绿化养护', '绿化'),
      ],
    },
    {
      title: '五、收费与总体评价',
      questions: [
        choice('sf_clear', '物业收费的公开与透明', '收费'),
        { ...choice('overall', '您对物业服务的总体满意度', null), overall: true },
        {
          key: 'nps',
          text: '您有多大可能向亲友推荐本小区的物业服务？（0–10分）',
          type: 'nps' as const,
          dimension: null,
        },
        {
          key: 'improve',
          text: '您认为最需要改进的方面（可多选）',
          type: 'multiple' as const,
          options: ['客服', '工程维修', '秩序', '环境', '绿化', '收费'],
        },
        { key: 'opinion', text: '您对物业服务的其他意见和建议', type: 'text' as const },
      ],
    },
  ] satisfies SurveySection[],
};
