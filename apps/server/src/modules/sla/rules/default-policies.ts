import type { SlaPolicy } from './policy-match';

/** The settings that shape the product defaults (see sla/settings.ts for their Q-ids). */
export interface DefaultPolicyValues {
  urgentArriveMinutes: number;
  urgentResolveMinutes: number;
  repairArriveMinutes: number;
  repairResolveDays: number;
  callbackHours: number;
  callbackRequired: boolean;
  complaintReplyDays: number;
  dispatchMinutes: number;
  respondMinutes: number;
}

/**
 * DEFAULT_POLICIES with the project's setting values: same shapes and negative ids, so they rank
 * exactly like the seed defaults (any configured policy of the same specificity wins).
 */
export function defaultPoliciesFrom(v: DefaultPolicyValues): SlaPolicy[] {
  // An urgent job must be taken well before its 15-minute arrival: a third of the arrive target.
  const urgentDispatch = Math.max(1, Math.min(v.dispatchMinutes, Math.floor(v.urgentArriveMinutes / 3)));
  return [
    {
      id: -5,
      projectId: null,
      ticketType: null,
      categoryId: null,
      priority: null,
      targets: { respond: { minutes: v.respondMinutes, calendar: 'business' } },
    },
    {
      id: -4,
      projectId: null,
      ticketType: null,
      categoryId: null,
      priority: null,
      targets: { callback: { minutes: v.callbackHours * 60, calendar: '24x7' } },
      callbackPolicy: v.callbackRequired ? 'required' : 'optional',
    },
    {
      id: -3,
      projectId: null,
      ticketType: '报修',
      categoryId: null,
      priority: null,
      targets: {
        dispatch: { minutes: v.dispatchMinutes, calendar: 'business' },
        arrive: { minutes: v.repairArriveMinutes, calendar: 'business', appointmentOverrides: true },
        resolve: { businessDays: v.repairResolveDays, calendar: 'business', appointmentOverrides: true },
      },
    },
    {
      id: -2,
      projectId: null,
      ticketType: '报修',
      categoryId: null,
      priority: '急',
      targets: {
        dispatch: { minutes: urgentDispatch, calendar: '24x7' },
        arrive: { minutes: v.urgentArriveMinutes, calendar: '24x7' },
        resolve: { minutes: v.urgentResolveMinutes, calendar: '24x7' },
      },
    },
    {
      id: -1,
      projectId: null,
      ticketType: '投诉',
      categoryId: null,
      priority: null,
      targets: { reply: { businessDays: v.complaintReplyDays, calendar: 'business' } },
    },
  ];
}
