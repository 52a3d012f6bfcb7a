/** Password of every demo staff account except admin (whose password is generated or GUANJIA_ADMIN_PASSWORD). */
export const DEMO_PASSWORD = 'demo1234';

export type DemoProjectKey = 'jinxiu' | 'tower';

export interface DemoStaff {
  username: string;
  displayName: string;
  /** Code of one of the default roles (packages/shared DEFAULT_ROLES). */
  role: string;
  /** What the account is for, in the README table. */
  title: string;
  department: string;
  skills: string[];
  phone: string;
  /** Data scope: 锦绣花园 (jinxiu), 云栖国际大厦 (tower). */
  projects: DemoProjectKey[];
}

const BOTH: DemoProjectKey[] = ['jinxiu', 'tower'];

/** One account per role (four agents, four technicians), each with the demo password. */
// Skills are the trade names the category tree asks for (水电, 木工, 泥瓦, 弱电, 燃气, 电梯 …), so dispatch finds them.
export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    username: 'pm_jinxiu',
    displayName: '周建华',
    role: 'project_manager',
    title: '锦绣花园项目经理',
    department: '锦绣花园项目部',
    skills: [],
    phone: '13916021001',
    projects: ['jinxiu'],
  },
  {
    username: 'pm_tower',
    displayName: '沈佳慧',
    role: 'project_manager',
    title: '云栖国际大厦项目经理',
    department: '云栖国际大厦项目部',
    skills: [],
    phone: '13916021002',
    projects: ['tower'],
  },
  {
    username: 'cs_supervisor',
    displayName: '陆静',
    role: 'cs_supervisor',
    title: '客服主管',
    department: '客服中心',
    skills: [],
    phone: '13916021003',
    projects: BOTH,
  },
  {
    username: 'cs_lead',
    displayName: '顾晓燕',
    role: 'cs_lead',
    title: '客服班长',
    department: '客服中心',
    skills: [],
    phone: '13916021004',
    projects: BOTH,
  },
  {
    username: 'agent1',
    displayName: '王婷婷',
    role: 'agent',
    title: '客服座席',
    department: '客服中心',
    skills: ['报修', '投诉'],
    phone: '13916021005',
    projects: BOTH,
  },
  {
    username: 'agent2',
    displayName: '李思琪',
    role: 'agent',
    title: '客服座席',
    department: '客服中心',
    skills: ['报修', '咨询'],
    phone: '13916021006',
    projects: BOTH,
  },
  {
    username: 'agent3',
    displayName: '张浩',
    role: 'agent',
    title: '客服座席',
    department: '客服中心',
    skills: ['咨询', '建议'],
    phone: '13916021007',
    projects: BOTH,
  },
  {
    username: 'agent4',
    displayName: '陈雨婷',
    role: 'agent',
    title: '客服座席（夜班）',
    department: '客服中心',
    skills: ['报修', '求助'],
    phone: '13916021008',
    projects: BOTH,
  },
  {
    username: 'qa1',
    displayName: '孙丽萍',
    role: 'qa',
    title: '质检员',
    department: '客服中心',
    skills: [],
    phone: '13916021009',
    projects: BOTH,
  },
  {
    username: 'expert1',
    displayName: '钱志明',
    role: 'expert',
    title: '技术专家',
    department: '工程部',
    skills: ['水电', '弱电', '燃气'],
    phone: '13916021010',
    projects: BOTH,
  },
  {
    username: 'eng_supervisor',
    displayName: '吴建国',
    role: 'eng_supervisor',
    title: '工程主管',
    department: '工程部',
    skills: ['水电', '木工', '泥瓦'],
    phone: '13916021011',
    projects: BOTH,
  },
  {
    username: 'tech_plumber',
    displayName: '赵德明',
    role: 'technician',
    title: '水工',
    department: '工程部',
    skills: ['水电', '燃气'],
    phone: '13916021012',
    projects: BOTH,
  },
  {
    username: 'tech_electric',
    displayName: '刘勇',
    role: 'technician',
    title: '电工',
    department: '工程部',
    skills: ['水电', '弱电'],
    phone: '13916021013',
    projects: BOTH,
  },
  {
    username: 'tech_general',
    displayName: '杨海涛',
    role: 'technician',
    title: '综合维修工',
    department: '工程部',
    skills: ['木工', '泥瓦', '水电'],
    phone: '13916021014',
    projects: ['jinxiu'],
  },
  {
    username: 'tech_tower',
    displayName: '徐斌',
    role: 'technician',
    title: '大厦设备维修工',
    department: '工程部',
    skills: ['水电', '弱电', '电梯', '消防'],
    phone: '13916021015',
    projects: ['tower'],
  },
  {
    username: 'security1',
    displayName: '黄志强',
    role: 'security',
    title: '安管员',
    department: '安保部',
    skills: ['安管'],
    phone: '13916021016',
    projects: ['jinxiu'],
  },
  {
    username: 'cleaner1',
    displayName: '马秀英',
    role: 'cleaner',
    title: '保洁员',
    department: '环境部',
    skills: ['保洁', '绿化'],
    phone: '13916021017',
    projects: ['jinxiu'],
  },
  {
    username: 'quality1',
    displayName: '朱慧敏',
    role: 'quality',
    title: '品质专员',
    department: '品质部',
    skills: [],
    phone: '13916021018',
    projects: BOTH,
  },
  {
    username: 'finance1',
    displayName: '胡玲',
    role: 'finance',
    title: '财务',
    department: '财务部',
    skills: [],
    phone: '13916021019',
    projects: BOTH,
  },
];
