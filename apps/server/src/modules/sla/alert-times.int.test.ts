import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, onDuty, type TicketView } from '../tickets/testing/helpers';

/**
 * Times in texts to staff read on the project's clock in the reader's language, never as UTC ISO.
 * The project is moved to Tokyo (UTC+9) so a Shanghai (UTC+8) or UTC rendering would fail.
 */

let t: TestServer;
let admin: string;
let agent: string;

interface NotificationView {
  kind: string;
  title: string;
  body: string;
  ticketId: number | null;
}
interface DeliveryView {
  userId: number | null;
  channel: string;
  body: string;
}

const inbox = async (token: string) =>
  (await ok<{ items: NotificationView[] }>(t, 'GET', '/api/notifications?pageSize=100', token)).items;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  const project = await ok<{ version: number }>(t, 'GET', `/api/projects/${t.fixture.projectA}`, admin);
  await ok(t, 'PATCH', `/api/projects/${t.fixture.projectA}`, admin, {
    version: project.version,
    timezone: 'Asia/Tokyo',
  });
  // The first warning reaches the 项目经理 as well, who reads Chinese; the 班长 reads English.
  await ok(t, 'PUT', '/api/settings/sla.escalation', admin, {
    projectId: t.fixture.projectA,
    value: {
      warning: ['cs_lead', 'project_manager'],
      lastWarning: ['cs_lead'],
      breach: ['cs_lead'],
      dispatch: ['cs_lead'],
    },
  });
  await ok(t, 'PATCH', '/api/auth/me', await t.login('lead_a'), { locale: 'en' });
  await ok(t, 'PUT', `/api/staff/${t.fixture.users.lead_a}/channels`, admin, {
    channels: ['email', 'webhook'],
    email: 'lead.a@example.com',
  });
});
afterAll(async () => t?.close());

describe('times in staff alerts', () => {
  it('an SLA warning names the deadline on the Tokyo clock, in each reader’s language, in-app and outbound', async () => {
    const ticket = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        priority: '急',
        unitId: t.fixture.unitsA[1],
        categoryId: await leafCategory(t, agent, '公共区域/电梯/电梯困人'),
        description: '2号楼电梯困人',
        contactPhone: '13912340001',
      },
      201,
    );
    t.clock.set(new Date(MONDAY_10.getTime() + 10.5 * 60_000));
    await t.services.queue.drain();

    // The ticket was taken at 10:00 Shanghai = 11:00 Tokyo; the warned clock is due 15 minutes later.
    const lead = (await inbox(await t.login('lead_a'))).find(
      (n) => n.ticketId === ticket.id && n.kind === 'sla.warning',
    );
    expect(lead?.body).toBe('电梯·电梯困人（急）截止 Nov 23, 11:15');
    const outbound = (
      await ok<{ items: DeliveryView[] }>(t, 'GET', '/api/deliveries?sourceType=sla_warning', admin)
    ).items.filter((d) => d.userId === t.fixture.users.lead_a);
    // The e-mail and the webhook payload's `text` carry the same body.
    expect(outbound.map((d) => [d.channel, d.body]).sort()).toEqual([
      ['email', '电梯·电梯困人（急）截止 Nov 23, 11:15'],
      ['webhook', '电梯·电梯困人（急）截止 Nov 23, 11:15'],
    ]);
    // A Chinese reader among the recipients gets the Chinese form of the same minute.
    const manager = (await inbox(await t.login('manager_a'))).find(
      (n) => n.ticketId === ticket.id && n.kind === 'sla.warning',
    );
    expect(manager?.body).toBe('电梯·电梯困人（急）截止 11月23日 11:15');
  });

  it('a technician’s new appointment order names the appointment on the project clock', async () => {
    const tech = await t.login('tech_a');
    await onDuty(t, tech, t.fixture.users.tech_a);
    const view = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        priority: '预约',
        appointmentAt: '2026-11-24T15:00:00+08:00',
        unitId: t.fixture.unitsA[0],
        categoryId: await leafCategory(t, agent, '户内/水/漏水'),
        description: '厨房水管漏水',
        contactPhone: '13912340002',
        workOrder: { technicianId: t.fixture.users.tech_a },
      },
      201,
    );
    const assigned = (await inbox(tech)).find(
      (n) => n.ticketId === view.id && n.kind === 'workorder.assigned',
    );
    expect(assigned?.body).toBe('厨房水管漏水，预约 11月24日 16:00');
  });
});
