import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

const weight = z.number().int().min(0).max(100);

/**
 * The project health score's weights (§1.15 决策分析: one number per estate for the group's league
 * table). Not seed numbers, so no Q-id: the company sets them, a project may override.
 */
export const HEALTH_WEIGHTS = defineSetting({
  key: 'analytics.healthWeights',
  schema: z.object({
    sla: weight,
    satisfaction: weight,
    firstContact: weight,
    calls: weight,
    collection: weight,
    maintenance: weight,
    // Added with the quality and residents dashboards: defaulted so a value saved before them still parses.
    rectification: weight.default(10),
    surveySatisfaction: weight.default(10),
    visits: weight.default(5),
  }),
  defaultValue: {
    sla: 30,
    satisfaction: 25,
    firstContact: 10,
    calls: 10,
    collection: 15,
    maintenance: 10,
    rectification: 10,
    surveySatisfaction: 10,
    visits: 5,
  },
  description:
    'Project health score: weight of each KPI (SLA on time, satisfaction, first-contact resolution, calls answered within Q01, collection rate, maintenance on time, rectifications closed on time, survey satisfaction Q82, visits done of planned)',
});

/** The league table groups projects company → region → project; the region is a per-project label. */
export const PROJECT_REGION = defineSetting({
  key: 'analytics.region',
  schema: z.string().trim().min(1).max(40),
  defaultValue: '默认区域',
  description: 'Region of the project in the health league table (group → region → project)',
});

/** Local hour of the daily manager digest (issue 21: 08:00 in the project's zone). */
export const DIGEST_HOUR = defineSetting({
  key: 'analytics.digestHour',
  schema: z.number().int().min(0).max(23),
  defaultValue: 8,
  description:
    'Daily manager digest: local hour it is sent (yesterday’s intake, breaches, reopened, unassigned, complaints, warnings)',
});
