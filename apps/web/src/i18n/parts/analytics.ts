/** 数据分析 (issue 21): dashboards, drill lists, the health league, the monthly report and the big screen. */
export const zh = {
  analytics: {
    dashboard: {
      subtitle: '每个数字都可点击查看明细；比率以基数为分母，基数为 0 时显示“无数据”',
      range: '统计期间',
      noData: '无数据',
      of: '占{{base}}',
      monthly: '月度报告',
      downloadPdf: '下载月度报告 PDF',
      empty: '该期间没有数据',
    },
    drill: {
      title: '明细：{{label}}',
      total: '共 {{count}} 条',
    },
    health: {
      title: '项目健康分',
      subtitle: '集团 → 区域 → 项目；权重在系统设置“项目健康分权重”中配置，无数据的指标不计入',
      name: '名称',
      score: '健康分',
      parts: '构成',
    },
    screen: {
      title: '数据大屏',
      callsToday: '今日来电',
      answered: '接通',
      abandoned: '放弃',
      ticketsToday: '今日工单',
      open: '未办结',
      atRisk: 'SLA 预警',
      breached: '已超时',
      incidents: '停水停电/事件',
      emergencies: '应急事件',
      none: '无',
      byHour: '今日工单(按小时)',
      map: '楼栋未办结分布',
      updated: '更新于 {{time}}',
    },
  },
};
