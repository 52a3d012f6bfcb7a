import { eq } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { postDial } from '../telephony/dial-out';
import { telephonyConfigs } from '../telephony/schema';
import { EMERGENCY_DIAL_JOB } from './alerts';
import { EMERGENCY_TIMER_JOB } from './arm-timer';
import { EMERGENCY_SWEEP_JOB, runEmergencyTimer, sweepEmergencies } from './timers';

interface DialPayload {
  emergencyId: number;
  projectId: number;
  /** The people to ring, in ladder order (E.164). */
  to: string[];
  text: string;
}

/** Step timers, their minute sweep, and the escalation phone calls through the PBX dial webhook. */
export function registerEmergencyJobs(
  services: Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>,
): void {
  services.queue.register<{ timerId: string }>(EMERGENCY_TIMER_JOB, async ({ payload }) => ({
    fired: await runEmergencyTimer(services, payload.timerId),
  }));
  services.queue.register(EMERGENCY_SWEEP_JOB, async () => ({ queued: await sweepEmergencies(services) }));
  services.queue.schedule(EMERGENCY_SWEEP_JOB, '* * * * *');
  services.queue.register<DialPayload>(EMERGENCY_DIAL_JOB, async ({ id, payload }) => {
    const [config] = await services.database.db
      .select({ dialUrl: telephonyConfigs.dialUrl })
      .from(telephonyConfigs)
      .where(eq(telephonyConfigs.projectId, payload.projectId));
    // No PBX link on the project: the SMS and the in-app alert carry the escalation alone.
    if (!config?.dialUrl) return { dialed: false, reason: 'no dial webhook' };
    const failures: string[] = [];
    for (const [i, to] of payload.to.entries()) {
      const failure = await postDial(config.dialUrl, {
        callId: `gj-em-${payload.emergencyId}-${id}-${i}`,
        projectId: payload.projectId,
        from: 'emergency',
        to: to.replace(/^\+86/, ''),
        purpose: 'emergency',
        emergencyId: payload.emergencyId,
        text: payload.text,
      });
      if (failure) failures.push(failure);
    }
    if (failures.length === payload.to.length && failures.length)
      throw new Error(`dial failed: ${failures[0]}`);
    return { dialed: payload.to.length - failures.length };
  });
}
