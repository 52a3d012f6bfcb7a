import { and, eq, inArray } from 'drizzle-orm';
import type { StaffChannel } from '../modules/delivery/schema';
import { saveStaffChannels } from '../modules/delivery/staff-channels';
import { users } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { seedAdmin } from './demo-context';

/**
 * Who hears SLA alerts outside the console in the demo: the 班长 by e-mail, the 锦绣花园 manager by
 * SMS and e-mail, the 主管 on WeChat. With the demo's `log` providers they show in the delivery log.
 */
const DEMO_CHANNELS: { username: string; channels: StaffChannel[]; email?: string }[] = [
  { username: 'cs_lead', channels: ['email'], email: 'guxiaoyan@anju-wuye.cn' },
  { username: 'pm_jinxiu', channels: ['sms', 'email'], email: 'zhoujianhua@anju-wuye.cn' },
  { username: 'cs_supervisor', channels: ['wechat'] },
];

export async function seedDemoStaffChannels(services: Services, boot: Bootstrap): Promise<void> {
  const rows = await services.database.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.companyId, boot.companyId),
        inArray(
          users.username,
          DEMO_CHANNELS.map((c) => c.username),
        ),
      ),
    );
  const admin = seedAdmin(boot, []);
  for (const c of DEMO_CHANNELS) {
    const user = rows.find((r) => r.username === c.username);
    if (user) await saveStaffChannels(services, admin, user.id, { channels: c.channels, email: c.email });
  }
}
