/**
 * What the soak's simulated people need from the demo estate, read through the API as admin: tokens
 * for the desk, the residents with a mobile and a unit (callers and portal users), the repair,
 * complaint and enquiry categories, each project's PBX token and technicians on duty.
 */
import type { Call } from './soak-http';

export const DEMO_PASSWORD = 'demo1234';
/** The demo desk's phone seats (seed/demo-callcenter.ts). */
const SEATS: [username: string, extension: string][] = [
  ['agent1', '8001'],
  ['agent2', '8002'],
  ['agent3', '8003'],
  ['agent4', '8004'],
];
const MANAGERS: Record<string, string> = { 锦绣花园: 'pm_jinxiu', 云栖国际大厦: 'pm_tower' };

export interface Caller {
  residentId: number;
  projectId: number;
  mobile: string;
  unitId: number;
  buildingId: number;
}

export interface Project {
  id: number;
  name: string;
  pbxToken: string;
  managerToken: string;
  buildingIds: number[];
}

export interface Estate {
  adminToken: string;
  agents: { token: string; extension: string }[];
  leadToken: string;
  projects: Project[];
  callers: Caller[];
  categories: { repair: number[]; complaint: number[]; enquiry: number[] };
  /** Any staff member's token by user id, logged in on first use (technicians mostly). */
  tokenOf(userId: number): Promise<string | null>;
}

interface Page<T> {
  items: T[];
  total: number;
}
interface ResidentRow {
  id: number;
  projectId: number;
  phones: { number: string; kind: string }[];
  units: { unitId: number; buildingId: number }[];
}

export async function readEstate(call: Call, adminPassword: string): Promise<Estate> {
  const must = async <T>(p: Promise<T | null>, what: string): Promise<T> => {
    const value = await p;
    if (value === null) throw new Error(`soak setup: ${what} failed`);
    return value;
  };
  const login = async (username: string, password = DEMO_PASSWORD) =>
    (
      await must(
        call<{ token: string }>('reads', 'POST', '/api/auth/login', { body: { username, password } }),
        `login ${username}`,
      )
    ).token;
  const adminToken = await login('admin', adminPassword);
  const get = <T>(path: string, token = adminToken) => must(call<T>('reads', 'GET', path, { token }), path);

  const agents = [];
  for (const [username, extension] of SEATS) agents.push({ token: await login(username), extension });
  const leadToken = await login('cs_lead');
  const dispatcher = await login('eng_supervisor');

  const staff = (await get<Page<{ id: number; username: string }>>('/api/staff?pageSize=200')).items;
  const tokens = new Map<number, Promise<string>>();
  const tokenOf = async (userId: number) => {
    const username = staff.find((s) => s.id === userId)?.username;
    if (!username) return null;
    if (!tokens.has(userId)) tokens.set(userId, login(username));
    return tokens.get(userId) ?? null;
  };

  const projects: Project[] = [];
  const callers: Caller[] = [];
  for (const p of (await get<Page<{ id: number; name: string }>>('/api/projects')).items) {
    const pbx = await must(
      call<{ token: string }>('reads', 'POST', '/api/telephony/config/token', {
        token: adminToken,
        body: { projectId: p.id },
      }),
      'PBX token',
    );
    const manager = MANAGERS[p.name];
    const buildings = new Set<number>();
    for (let page = 1; ; page++) {
      const rows = await get<Page<ResidentRow>>(`/api/residents?projectId=${p.id}&pageSize=200&page=${page}`);
      for (const r of rows.items) {
        const mobile = r.phones
          .map((ph) => ph.number.replace(/\D/g, '').slice(-11))
          .find((n) => /^1[3-9]\d{9}$/.test(n));
        const unit = r.units[0];
        if (!mobile || !unit) continue;
        buildings.add(unit.buildingId);
        callers.push({
          residentId: r.id,
          projectId: p.id,
          mobile,
          unitId: unit.unitId,
          buildingId: unit.buildingId,
        });
      }
      if (rows.items.length < 200) break;
    }
    projects.push({
      id: p.id,
      name: p.name,
      pbxToken: pbx.token,
      managerToken: manager ? await login(manager) : adminToken,
      buildingIds: [...buildings],
    });
    // Every technician of the project on duty with room for the soak's orders: the cap is a per-person
    // limit of open orders, and ten times a peak is more than four people would hold in real life.
    const techs = await get<{ items: { id: number }[] }>(`/api/technicians?projectId=${p.id}`, dispatcher);
    for (const t of techs.items)
      await must(
        call('reads', 'PUT', `/api/technicians/${t.id}/duty`, {
          token: dispatcher,
          body: { onDuty: true, openCap: 100 },
        }),
        'technician on duty',
      );
    // Signed in before the soak: a staff login is a deliberately slow hash, not part of the traffic.
    for (const t of techs.items) await tokenOf(t.id);
  }

  const cats = (await get<{ items: { id: number; path: string }[] }>('/api/ticket-categories')).items;
  const under = (...prefixes: string[]) =>
    cats
      .filter((c) => prefixes.some((p) => c.path.startsWith(p)) && c.path.split('/').length === 3)
      .map((c) => c.id);
  const categories = {
    repair: under('户内/水/', '户内/电/'),
    complaint: under('服务/服务质量/'),
    enquiry: under('服务/业务咨询/'),
  };
  if (!categories.repair.length || !categories.complaint.length || !categories.enquiry.length)
    throw new Error('soak setup: the demo categories were not found');
  return { adminToken, agents, leadToken, projects, callers, categories, tokenOf };
}
