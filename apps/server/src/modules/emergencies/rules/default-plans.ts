import {
  EMERGENCY_LEVELS,
  EMERGENCY_TYPES,
  type EmergencyLevel,
  type EmergencyType,
  emergencyGroupOf,
  type PlanStep,
} from '@guanjia/shared/api';

/** The seed's timings (each a per-project setting, see settings.ts). */
export interface PlanTimings {
  teamLeader: number;
  headReport: number;
  headOnSite: number;
  butlerRelay: number;
  households: number;
  reportHours: number;
}

const step = (
  key: string,
  title: string,
  role: PlanStep['role'],
  proof: PlanStep['proof'],
  afterStartMinutes: number | null,
  afterPreviousMinutes: number | null,
  escalateTo: PlanStep['escalateTo'],
): PlanStep => ({ key, title, role, proof, afterStartMinutes, afterPreviousMinutes, escalateTo });

/**
 * The standard 应急预案 of one type × level from the seed: W-18 step 2's 1/5/5/10 chain for sudden
 * incidents, step 3's 5-minute relay for disputes and disasters, W-19's elevator and power procedures,
 * and for 重大 the company's duty leader told as well.
 */
export function defaultPlan(
  type: EmergencyType,
  level: EmergencyLevel,
  t: PlanTimings,
): { name: string; steps: PlanStep[] } {
  const group = emergencyGroupOf(type);
  const report = step(
    'report',
    '填写《特别事件报告》',
    'team_leader',
    'report',
    t.reportHours * 60,
    null,
    'project_head',
  );
  const notify = step('notify', '通知受影响住户', 'butler', 'notice', t.households, null, 'project_head');
  let steps: PlanStep[];
  if (group === '纠纷' || group === '自然灾害') {
    steps = [
      step('relay', '反馈至客服管家', 'butler', 'ack', t.butlerRelay, null, 'project_head'),
      step('head', '报告项目负责人', 'project_head', 'ack', t.butlerRelay, null, 'company_duty'),
      step('notify', '制定初步方案并反馈住户', 'butler', 'notice', t.households, null, 'project_head'),
      report,
    ];
  } else if (type === '电梯困人') {
    steps = [
      step('leader', '报告班组负责人', 'team_leader', 'ack', t.teamLeader, null, 'project_head'),
      step(
        'rescue',
        '切断电源，启动困人解救预案',
        'emergency_team',
        'ack',
        t.headReport,
        null,
        'team_leader',
      ),
      step('head', '通知工程主管并报告项目经理', 'project_head', 'ack', t.headReport, null, 'company_duty'),
      step('onsite', '项目负责人到场', 'project_head', 'checkin', null, t.headOnSite, 'company_duty'),
      step('contractor', '联系电梯维保单位', 'team_leader', 'ack', t.households, null, 'project_head'),
      notify,
      report,
    ];
  } else if (type === '停电') {
    steps = [
      step(
        'leader',
        '切断故障电源并报告班组负责人',
        'team_leader',
        'ack',
        t.teamLeader,
        null,
        'project_head',
      ),
      step('head', '通知工程主管和项目经理', 'project_head', 'ack', t.headReport, null, 'company_duty'),
      step(
        'backup',
        '启动备用电源，记录《值班记录表》',
        'emergency_team',
        'ack',
        t.headReport,
        null,
        'team_leader',
      ),
      step('onsite', '项目负责人到场', 'project_head', 'checkin', null, t.headOnSite, 'company_duty'),
      notify,
      report,
    ];
  } else {
    steps = [
      step('leader', '报告班组负责人', 'team_leader', 'ack', t.teamLeader, null, 'project_head'),
      step('head', '班长报告项目负责人', 'project_head', 'ack', t.headReport, null, 'company_duty'),
      step('onsite', '项目负责人到场', 'project_head', 'checkin', null, t.headOnSite, 'company_duty'),
      notify,
      report,
    ];
  }
  if (level === '重大')
    steps.splice(
      2,
      0,
      step('company', '报告公司值班领导', 'company_duty', 'ack', t.households, null, 'company_duty'),
    );
  return { name: `${type}${level}应急预案`, steps };
}

/** Every type × level the seed names. */
export const ALL_PLAN_KEYS = EMERGENCY_TYPES.flatMap((type) =>
  EMERGENCY_LEVELS.map((level) => ({ type, level })),
);
