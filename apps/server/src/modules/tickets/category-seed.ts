import type { TicketPriority } from '@guanjia/shared';

type Problem = string | [name: string, priority: TicketPriority];
/** [category, skill, problems]: the second level names the trade a technician needs. */
type Category = [name: string, skill: string | null, problems: Problem[]];

/**
 * The product's starting tree (place › category › problem), in the words agents use on the phone.
 * Companies and projects edit it; problems marked 急 default the intake form to an urgent repair.
 */
export const CATEGORY_SEED: [place: string, categories: Category[]][] = [
  [
    '户内',
    [
      [
        '水',
        '水电',
        [['漏水', '急'], ['水管爆裂', '急'], '水龙头损坏', '马桶堵塞', '下水道堵塞', '水压不足'],
      ],
      ['电', '水电', [['停电跳闸', '急'], '插座无电', '灯具损坏', '开关损坏']],
      ['气', '燃气', [['燃气泄漏', '急'], '燃气表故障', '灶具无法点火']],
      ['门窗', '木工', ['门锁损坏', '门窗关不严', '玻璃破损', '纱窗损坏']],
      ['墙面地面', '泥瓦', ['墙面渗水', '墙皮脱落', '地砖空鼓开裂', '天花板渗漏']],
      ['弱电', '弱电', ['可视对讲故障', '网络电视信号']],
      ['其他', null, ['其他']],
    ],
  ],
  [
    '公共区域',
    [
      ['电梯', '电梯', [['电梯困人', '急'], '电梯故障停运', '电梯异响', '按钮失灵']],
      ['消防', '消防', ['消防设施损坏', '烟感误报', '消防通道堵塞']],
      ['给排水', '水电', [['公共管道漏水', '急'], '排污管堵塞', '停水']],
      ['供电照明', '水电', ['楼道灯不亮', '路灯损坏', ['公共区域停电', '急']]],
      ['门禁监控', '弱电', ['门禁故障', '监控故障', '道闸故障']],
      ['绿化', '绿化', ['树木修剪', '草坪养护', '病虫害防治']],
      ['保洁', '保洁', ['垃圾清运不及时', '公共区域卫生', '楼道堆物']],
      ['秩序', '安管', ['噪音扰民', '陌生人员', '宠物扰民', '高空抛物']],
      ['停车', '安管', ['车位被占', '违章停车', '停车收费']],
      ['其他', null, ['其他']],
    ],
  ],
  [
    '服务',
    [
      ['服务质量', null, ['服务态度', '响应不及时', '维修质量', '收费问题']],
      ['房屋质量', null, ['渗漏', '裂缝', '配套设施不到位']],
      ['业务咨询', null, ['物业费', '装修手续', '入住手续', '其他咨询']],
    ],
  ],
];
