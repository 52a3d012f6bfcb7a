import type { zh } from './analytics';

export const en: typeof zh = {
  analytics: {
    dashboard: {
      subtitle:
        'Every number opens the records it counts; a share is over its base, "no data" when the base is 0',
      range: 'Period',
      noData: 'No data',
      of: 'of {{base}}',
      monthly: 'Monthly report',
      downloadPdf: 'Download monthly report (PDF)',
      empty: 'No data in this period',
    },
    drill: {
      title: 'Records: {{label}}',
      total: '{{count}} records',
    },
    health: {
      title: 'Project health',
      subtitle:
        'Group → region → project; weights are set in the “Project health weights” setting, KPIs without data are left out',
      name: 'Name',
      score: 'Score',
      parts: 'Parts',
    },
    screen: {
      title: 'Big screen',
      callsToday: 'Calls today',
      answered: 'Answered',
      abandoned: 'Abandoned',
      ticketsToday: 'Tickets today',
      open: 'Open',
      atRisk: 'SLA at risk',
      breached: 'Breached',
      incidents: 'Outages/incidents',
      emergencies: 'Emergencies',
      none: 'None',
      byHour: 'Tickets today by hour',
      map: 'Open items by building',
      updated: 'Updated {{time}}',
    },
  },
};
