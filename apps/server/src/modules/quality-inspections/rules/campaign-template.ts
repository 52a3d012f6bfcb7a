/**
 * W-21's five phases with the seed's example dates (Q119), in the campaign's year: 动员宣讲/培训 →
 * 自查自纠 → 整改预防 → 检查验收 → 专项总结. A campaign starts from this and edits it.
 */
export function campaignTemplate(year: number) {
  const d = (md: string) => `${year}-${md}`;
  return [
    {
      key: 'mobilize',
      title: '动员宣讲/培训',
      milestones: [
        { title: '品质部起草《品质提升方案》报总经理审批', due: d('01-10'), done: false },
        { title: '各部门召开动员会', due: d('02-19'), done: false },
        {
          title: '学习《岗位职责》《岗位操作规程》《岗位工作标准》《岗位服务要求》,人人做笔记',
          due: d('02-28'),
          done: false,
        },
      ],
    },
    {
      key: 'self_check',
      title: '自查自纠',
      milestones: [
        { title: '召开“批评与自我批评”会议', due: d('03-12'), done: false },
        {
          title: '各项目制定《物业服务品质提升实施计划方案》,每项明确责任人与期限',
          due: d('03-19'),
          done: false,
        },
        { title: '专业理论培训', due: d('03-25'), done: false },
        { title: '考试并形成《专业考试报告》', due: d('03-31'), done: false },
      ],
    },
    {
      key: 'rectify',
      title: '整改预防',
      milestones: [
        { title: '重点问题专业研讨会', due: d('04-08'), done: false },
        { title: '现场解决问题', due: d('04-15'), done: false },
        { title: '修订制度,编写“事前干预性制度”报批', due: d('04-21'), done: false },
      ],
    },
    {
      key: 'acceptance',
      title: '检查验收',
      milestones: [
        {
          title: '总经办组织、品质部执行:明查、暗访、岗位询问、客户回访、笔试',
          due: d('04-25'),
          done: false,
        },
      ],
    },
    {
      key: 'summary',
      title: '专项总结',
      milestones: [{ title: '品质部召开总结会,固化方法', due: d('04-28'), done: false }],
    },
  ];
}
