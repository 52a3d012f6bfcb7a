import type { CheckItem, EquipmentSystem, Frequency, PlanBasis } from '@guanjia/shared';

/**
 * The §3.8 equipment inspection, maintenance and supervision frequency matrix (requirements.md, from
 * [003] 服务品质提升方案2, [000], [002]) as default plan templates: every row, one template per
 * frequency cell. A project chooses its systems (按系统生成计划) and gets these plans. Templates with an
 * equipmentType give one task per piece of that type; the others one task for the whole system.
 */
export interface PlanTemplate {
  key: string;
  system: EquipmentSystem;
  /** The matrix row (直梯, 给水 …). */
  row: string;
  name: string;
  freq: Frequency;
  basis?: PlanBasis;
  equipmentType?: string;
  items: CheckItem[];
}

const ok = (label: string, id = 'ok', photo: CheckItem['photo'] = 'none'): CheckItem => ({
  id,
  label,
  kind: 'pass',
  photo,
});
const reading = (
  id: string,
  label: string,
  min: number | null,
  max: number | null,
  unit: string,
): CheckItem => ({
  id,
  label,
  kind: 'number',
  min,
  max,
  unit,
  photo: 'none',
});
const note = (label = '情况说明'): CheckItem => ({ id: 'note', label, kind: 'text', photo: 'none' });
const photo = (label = '现场照片'): CheckItem => ({ id: 'photo', label, kind: 'photo', photo: 'required' });

const daily: Frequency = { kind: 'daily' };
const weekly: Frequency = { kind: 'weekly' };
const monthly: Frequency = { kind: 'monthly' };
const quarterly: Frequency = { kind: 'quarterly' };
const halfYearly: Frequency = { kind: 'halfYearly' };
const yearly: Frequency = { kind: 'yearly' };

const t = (
  key: string,
  system: EquipmentSystem,
  row: string,
  name: string,
  freq: Frequency,
  items: CheckItem[],
  extra: Partial<PlanTemplate> = {},
): PlanTemplate => ({ key, system, row, name, freq, items, ...extra });

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  // 直梯 (客梯 24 小时运行)
  t(
    'lift.run',
    '电梯',
    '直梯',
    '电梯运行状态巡视（轿厢、声响、平稳性、平层精度）',
    { kind: 'daily', timesPerDay: 3 },
    [ok('轿厢运行平稳、无异响', 'ride'), ok('平层准确', 'level')],
    { equipmentType: '直梯' },
  ),
  t(
    'lift.room',
    '电梯',
    '直梯',
    '电梯机房巡视（室温、卫生、屏内电器、曳引机）',
    weekly,
    [
      reading('roomTemp', '机房温度', 5, 40, '℃'),
      ok('曳引机运行正常', 'traction'),
      ok('机房卫生整洁', 'clean'),
    ],
    { equipmentType: '直梯' },
  ),
  t('lift.lead', '电梯', '直梯', '工程领班电梯抽检', weekly, [ok('抽检合格'), note('抽检记录')]),
  t('lift.pit', '电梯', '直梯', '直梯底坑查看', monthly, [ok('底坑无积水、无杂物', 'pit')], {
    equipmentType: '直梯',
  }),
  t(
    'lift.service',
    '电梯',
    '直梯',
    '外包电梯维保（每半月1次，相邻两次不少于15天，技工现场跟踪）',
    { kind: 'everyNDays', n: 15 },
    [
      ok('各层厅门已挂「电梯保养、检修」告示牌', 'sign'),
      ok('维保单位已签到、维修工作单领班签字', 'signed'),
      photo('维保记录照片'),
    ],
    { equipmentType: '直梯', basis: 'completion' },
  ),
  t(
    'lift.annual',
    '电梯',
    '电梯合规',
    '电梯年检合格证、使用许可、维保合同核查',
    yearly,
    [ok('年检合格证在有效期内', 'cert'), ok('维保合同齐全有效', 'contract')],
    { equipmentType: '直梯' },
  ),
  // 扶梯 (商业)
  t(
    'escalator.onoff',
    '电梯',
    '扶梯',
    '扶梯开闭（营业前10分钟开启、闭店后10分钟内关闭，确认无人）',
    daily,
    [ok('按时开启、确认无人', 'on'), ok('按时关闭、确认无人', 'off')],
    { equipmentType: '扶梯' },
  ),
  t('escalator.lead', '电梯', '扶梯', '工程领班抽检扶梯开关时间', weekly, [ok('开关时间正确')]),
  // 给水
  t(
    'water.pump',
    '给排水',
    '给水',
    '水泵、变频控制柜、水箱水位巡视',
    daily,
    [
      reading('pressure', '水泵出口压力', 0.3, 0.6, 'MPa'),
      ok('变频控制柜运行正常', 'vfd'),
      ok('水箱水位正常', 'tank'),
    ],
    { equipmentType: '水泵' },
  ),
  t('water.float', '给排水', '给水', '浮球阀检查', daily, [ok('浮球阀动作正常', 'float')]),
  t('water.clean', '给排水', '给水', '水泵房卫生清洁', weekly, [ok('水泵房清洁完成'), photo()]),
  t('water.lead', '给排水', '给水', '工程领班抽查水泵房及记录表单', weekly, [ok('记录完整')]),
  t('water.valves', '给排水', '给水', '抄表时检查主要管道及阀门', monthly, [ok('管道阀门无渗漏')]),
  t('water.bearing', '给排水', '给水', '电机轴承加油', yearly, [ok('已加油')], { equipmentType: '水泵' }),
  t(
    'water.secondary',
    '给排水',
    '二次供水',
    '二次供水水箱清洗消毒、水质检测报告及卫生许可证核查',
    halfYearly,
    [ok('清洗消毒记录齐全', 'disinfect'), ok('卫生许可证、水质检测报告、操作人员健康证齐全', 'permits')],
  ),
  // 排水
  t('drain.pit', '给排水', '排水', '污水泵、污水坑巡视', daily, [ok('污水泵运行正常、液位正常', 'pump')], {
    equipmentType: '污水泵',
  }),
  t('drain.lead', '给排水', '排水', '工程领班抽查污水泵、坑巡视记录', weekly, [ok('记录完整')]),
  t(
    'drain.check',
    '给排水',
    '排水',
    '止回阀检查并清理周围杂物',
    quarterly,
    [ok('止回阀正常、已清理', 'check')],
    {
      equipmentType: '污水泵',
    },
  ),
  t('drain.lead.q', '给排水', '排水', '工程领班抽查污水泵维保效果', quarterly, [ok('维保效果良好')]),
  // 雨排
  t('rain.roof', '给排水', '雨排', '屋面雨排口巡视', daily, [ok('雨排口通畅')]),
  t('rain.lead', '给排水', '雨排', '工程领班抽查雨排记录', weekly, [ok('记录完整')]),
  t('rain.clear', '给排水', '雨排', '天面雨排口清理杂物', monthly, [ok('已清理'), photo()]),
  // 供配电
  t(
    'power.read',
    '供配电',
    '供配电',
    '高低压运行数据抄录（8:30–18:00 每4小时）',
    { kind: 'daily', timesPerDay: 3 },
    [reading('voltage', '低压母线电压', 380, 420, 'V'), reading('current', '主进线电流', 0, 1600, 'A')],
  ),
  t('power.analyse', '供配电', '供配电', '工程领班分析前日运行数据', daily, [
    ok('数据无异常'),
    note('分析结论'),
  ]),
  t('power.lead', '供配电', '供配电', '工程领班检查抄录数据及值班记录', weekly, [ok('记录完整')]),
  t('power.basement', '供配电', '供配电', '地下室照明检查（领班、项目经理各1次）', weekly, [ok('照明完好')]),
  t('power.meters', '供配电', '供配电', '月末电表抄录、抽查楼层强电井', monthly, [
    ok('已抄录'),
    ok('强电井正常', 'shaft'),
  ]),
  t('hv.clean', '供配电', '高压柜', '高压柜外观清洁', monthly, [ok('已清洁')], { equipmentType: '高压柜' }),
  t('hv.dc', '供配电', '高压柜', '直流屏紧固除尘', halfYearly, [ok('已紧固除尘')], {
    equipmentType: '高压柜',
  }),
  t('hv.outage', '供配电', '高压柜', '配电柜停电检查、除尘、紧固', yearly, [ok('已完成')], {
    equipmentType: '高压柜',
  }),
  t('hv.test', '供配电', '高压柜', '配电柜高压试验', yearly, [ok('试验合格'), photo('试验报告')], {
    equipmentType: '高压柜',
  }),
  t('lv.clean', '供配电', '低压柜', '低压柜外观清洁', monthly, [ok('已清洁')], { equipmentType: '低压柜' }),
  t('lv.outage', '供配电', '低压柜', '低压配电室停电检查、除尘、紧固', yearly, [ok('已完成')], {
    equipmentType: '低压柜',
  }),
  t('tx.clean', '供配电', '干式变压器', '变压器外观清洁', monthly, [ok('已清洁')], {
    equipmentType: '干式变压器',
  }),
  t('tx.outage', '供配电', '干式变压器', '变压器停电检查、除尘、紧固保养', yearly, [ok('已完成')], {
    equipmentType: '干式变压器',
  }),
  t(
    'tx.test',
    '供配电',
    '干式变压器',
    '变压器直流电阻试验、耐压绝缘试验',
    yearly,
    [reading('insulation', '绝缘电阻', 500, null, 'MΩ'), ok('试验合格')],
    { equipmentType: '干式变压器' },
  ),
  // 停车场收费
  t('parking.check', '停车场', '停车场收费', '停车场系统设备状态巡视（技术员、领班各1次）', daily, [
    ok('卡机、道闸工作正常'),
  ]),
  t('parking.wipe', '停车场', '停车场收费', '卡机、道闸擦拭（保洁员）', daily, [ok('已擦拭')]),
  t('parking.mech', '停车场', '停车场收费', '卡机、道闸机械性能测试', monthly, [ok('机械性能正常')]),
  t('parking.oil', '停车场', '停车场收费', '道闸加油保养', quarterly, [ok('已加油')], {
    equipmentType: '道闸',
  }),
  // 监控 / 闭路监控 / 背景音乐
  t('cctv.test', '弱电/监控', '监控系统', '监控系统测试', monthly, [ok('系统正常')]),
  t('cctv.camera', '弱电/监控', '闭路监控', '摄像头检查', daily, [ok('画面清晰、无黑屏')]),
  t(
    'cctv.dvr',
    '弱电/监控',
    '闭路监控',
    '硬盘录像机、降温风扇除尘清洁',
    monthly,
    [ok('已除尘'), ok('录像保存超过30天', 'retention')],
    {
      equipmentType: '硬盘录像机',
    },
  ),
  t('cctv.lead', '弱电/监控', '闭路监控', '工程领班检查闭路监控保养状况和记录', monthly, [ok('记录完整')]),
  t('cctv.dome', '弱电/监控', '闭路监控', '擦拭摄像头防尘罩、检查室外防护罩密封', quarterly, [
    ok('已擦拭、密封良好'),
  ]),
  t('cctv.shaft', '弱电/监控', '闭路监控', '弱电井控制箱紧固、清洁', halfYearly, [ok('已紧固清洁')]),
  t('music.tune', '弱电/监控', '背景音乐', '功放机调试、终端音箱抽检', monthly, [
    ok('功放正常'),
    ok('音箱正常', 'speaker'),
  ]),
  t('music.lead', '弱电/监控', '背景音乐', '工程领班检查背景音乐设备及记录', monthly, [ok('记录完整')]),
  t('music.dust', '弱电/监控', '背景音乐', '机柜内除尘清洁', quarterly, [ok('已除尘')]),
  // 门禁对讲
  t(
    'access.keys',
    '门禁',
    '门禁对讲',
    '主机面板按键检查、选呼音视频检查',
    quarterly,
    [ok('按键无阻滞、通断良好', 'keys'), ok('选呼音质清楚、画面清晰', 'call')],
    { equipmentType: '门禁主机' },
  ),
  t('access.password', '门禁', '门禁对讲', '修改门禁密码', quarterly, [ok('已修改密码')], {
    equipmentType: '门禁主机',
  }),
  t(
    'access.wiring',
    '门禁',
    '门禁对讲',
    '接线端子及音频、视频线路检查',
    yearly,
    [ok('端子无松动、导线完好')],
    {
      equipmentType: '门禁主机',
    },
  ),
  // 消防
  t('fire.center', '消防', '消防系统', '消防控制中心24小时值守检查', daily, [
    ok('值班人员在岗、主机无故障报警', 'panel'),
    ok('消防对讲内线电话畅通', 'phone'),
  ]),
  t(
    'fire.hydrant',
    '消防',
    '消防系统',
    '消火栓箱检查（说明、报警电话、检查日期及人员、水带水枪齐全、封条）',
    monthly,
    [
      ok('箱内水带、水枪齐全', 'hose'),
      ok('封条完好、检查记录已签', 'seal'),
      reading('hydrantPressure', '消火栓静压', 0.1, 0.5, 'MPa'),
    ],
    { equipmentType: '消火栓' },
  ),
  // 空调暖通 (公共区域设施: 每两个月巡查空调机房)
  t(
    'hvac.room',
    '空调暖通',
    '公共区域设施',
    '空调机房巡查',
    { kind: 'monthly', n: 2 },
    [reading('supplyTemp', '冷冻水出水温度', 5, 12, '℃'), ok('机组运行正常')],
    { equipmentType: '空调机组' },
  ),
  // 建筑本体
  t('fabric.weekly', '建筑本体', '建筑本体', '道路地砖、停车场地面、踢脚线、门、灯光巡查', weekly, [
    ok('完好'),
    note('损坏项目'),
  ]),
  t('fabric.monthly', '建筑本体', '建筑本体', '项目经理会同督导小组全面检查巡查、统计、检修及验收', monthly, [
    ok('完成'),
  ]),
  t('fabric.quarterly', '建筑本体', '建筑本体', '商铺门、出入口、道路侧石、停车位、灯杆检查', quarterly, [
    ok('完好'),
  ]),
  t(
    'fabric.half',
    '建筑本体',
    '建筑本体',
    '门窗、外墙面、女儿墙、屋顶隔热/防水层、排水沟、通风口全面检查',
    halfYearly,
    [ok('完好'), photo()],
  ),
  t('fabric.yearly', '建筑本体', '建筑本体', '楼层地面、踢脚线、踏步、台阶、楼梯扶手全面检查', yearly, [
    ok('完好'),
  ]),
  // 公共区域设施
  t('common.flood', '公共设施', '公共区域设施', '泛光照明开启记录（工程）、关闭记录（安管）', daily, [
    ok('照明正常'),
  ]),
  t('common.rooms', '公共设施', '公共区域设施', '配电间、电梯机房等设备间全面巡查', weekly, [ok('正常')]),
  t('common.night', '公共设施', '公共区域设施', '夜间公共照明巡视', weekly, [ok('照明完好')]),
  t('common.lead', '公共设施', '公共区域设施', '工程领班检查公共区域设施', weekly, [ok('完好率≥98%')]),
  t('common.pm', '公共设施', '公共区域设施', '项目经理检查执行情况', monthly, [ok('完成')]),
  t(
    'common.shafts',
    '公共设施',
    '公共区域设施',
    '强电井、弱电井、空调机房全面巡查（每两个月）',
    { kind: 'monthly', n: 2 },
    [ok('正常')],
  ),
  // 综合管理
  t('mgmt.repair.lead', '综合管理', '上门维修', '工程领班抽查上门维修（15分钟上门）', weekly, [ok('合格')]),
  t('mgmt.repair.pm', '综合管理', '上门维修', '项目经理抽查上门维修', monthly, [ok('合格')]),
  t('mgmt.decoration', '综合管理', '二次装修', '装修现场巡查（安管、工程每日1次）', daily, [
    ok('无违规'),
    note('整改事项'),
  ]),
  t('mgmt.tools.lead', '综合管理', '作业工具', '工程领班检查技术员工具箱', monthly, [ok('齐全')]),
  t('mgmt.tools.pm', '综合管理', '作业工具', '项目经理抽查工具管理', quarterly, [ok('合格')]),
  t('mgmt.tools.count', '综合管理', '作业工具', '作业工具盘点', halfYearly, [ok('账实相符')]),
  t('mgmt.tools.standard', '综合管理', '作业工具', '修订《工程技术员作业工具配备标准》（每年1月）', yearly, [
    ok('已修订'),
  ]),
  t('mgmt.materials', '综合管理', '材料', '编制月采购计划、材料盘点（每月25日前）', monthly, [
    ok('账实相符'),
  ]),
  t('mgmt.energy.daily', '综合管理', '能源', '技术员抄录供配电数据', daily, [
    reading('kwh', '总电表读数', 0, null, 'kWh'),
  ]),
  t('mgmt.energy.weekly', '综合管理', '能源', '工程领班每周能耗统计', weekly, [ok('已统计')]),
  t('mgmt.energy.monthly', '综合管理', '能源', '月末全面抄表、5日前完成分析', monthly, [ok('已完成')]),
  t('mgmt.energy.quarterly', '综合管理', '能源', '能耗分析报告（项目经理、领班）', quarterly, [ok('已完成')]),
  t('mgmt.archive.monthly', '综合管理', '档案', '每月3日前收集记录归档', monthly, [ok('已归档')]),
  t('mgmt.archive.quarterly', '综合管理', '档案', '电子档案盘点更新', quarterly, [ok('已更新')]),
  t('mgmt.archive.yearly', '综合管理', '档案', '特种作业操作证年审', yearly, [ok('已年审')]),
  t('mgmt.vacant', '综合管理', '空置房', '空置房检查（结构、渗漏、水电、卫生）', weekly, [
    ok('正常'),
    note('问题记录'),
  ]),
  t('mgmt.night', '综合管理', '夜查', '工程主管夜查（值班及设备）', weekly, [ok('正常')]),
];

export const templateByKey = new Map(PLAN_TEMPLATES.map((p) => [p.key, p]));
