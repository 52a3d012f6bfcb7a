import { and, asc, eq, inArray } from 'drizzle-orm';
import { projects } from '../modules/org/schema';
import { agentExtensions, callQueues } from '../modules/telephony/schema';
import { users } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { seedDemoExpertQuestions } from './demo-expert-questions';

/** The desk's phone seats: agents and the 班长 at extensions, and the IVR's four queues per project. */
const SEATS: [string, string][] = [
  ['agent1', '8001'],
  ['agent2', '8002'],
  ['agent3', '8003'],
  ['agent4', '8004'],
  ['cs_lead', '8010'],
];
const QUEUES = ['报修', '投诉建议', '咨询', '人工'];

export async function seedDemoCallCenter(services: Services, boot: Bootstrap): Promise<void> {
  const { db } = services.database;
  const now = services.clock.now();
  const staff = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.companyId, boot.companyId),
        inArray(
          users.username,
          SEATS.map(([u]) => u),
        ),
      ),
    );
  const seats = SEATS.flatMap(([username, extension]) => {
    const user = staff.find((s) => s.username === username);
    return user ? [{ companyId: boot.companyId, extension, userId: user.id, createdAt: now }] : [];
  });
  if (seats.length) await db.insert(agentExtensions).values(seats).onConflictDoNothing();
  const projectRows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.companyId, boot.companyId))
    .orderBy(asc(projects.id));
  await db
    .insert(callQueues)
    .values(
      projectRows.flatMap((p) =>
        QUEUES.map((name) => ({
          companyId: boot.companyId,
          projectId: p.id,
          name,
          strategy: 'longest-idle' as const,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    )
    .onConflictDoNothing();
  await seedDemoExpertQuestions(db, boot.companyId, now);
}
