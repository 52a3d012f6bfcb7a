import { expect } from 'vitest';
import type { TestServer } from '../../../testing/test-server';

export interface TicketView {
  id: number;
  number: string;
  status: string;
  version: number;
  reopenCount: number;
  allowedActions: string[];
  sourceTicketId: number | null;
  sla: { state: string; dueAt: string | null; clocks: ClockView[]; callbackDueAt: string | null };
  workOrders: WorkOrderView[];
  callback: CallbackView | null;
  callbacks: CallbackView[];
}
export interface ClockView {
  kind: string;
  state: string;
  deadline: string;
  pausedMinutes: number;
  elapsedBusinessMinutes: number;
}
export interface WorkOrderView {
  id: number;
  ticketId: number;
  number: string;
  status: string;
  version: number;
  technicianId: number | null;
  dispatchedAt: string | null;
  allowedActions: string[];
  sla: { arriveDueAt: string | null; resolveDueAt: string | null; clocks: ClockView[] };
}

/** 2026-11-23 is a Monday; 10:00 Shanghai is inside the fixture's service hours. */
export const MONDAY_10 = new Date('2026-11-23T10:00:00+08:00');

export async function ok<T>(
  t: TestServer,
  method: string,
  url: string,
  token: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const res = await t.request(method, url, { token, body });
  expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(status);
  return res.json() as T;
}

export async function leafCategory(t: TestServer, token: string, path: string): Promise<number> {
  const { items } = await ok<{ items: { id: number; path: string }[] }>(
    t,
    'GET',
    '/api/ticket-categories',
    token,
  );
  const hit = items.find((c) => c.path === path);
  if (!hit) throw new Error(`no category ${path}`);
  return hit.id;
}

export async function onDuty(
  t: TestServer,
  token: string,
  userId: number,
  onDutyValue = true,
): Promise<void> {
  await ok(t, 'PUT', `/api/technicians/${userId}/duty`, token, { onDuty: onDutyValue });
}

export const clock = (view: { sla: { clocks: ClockView[] } }, kind: string) => {
  const c = view.sla.clocks.find((k) => k.kind === kind);
  if (!c) throw new Error(`no ${kind} clock`);
  return c;
};

export const minutesAfter = (at: Date, minutes: number) =>
  new Date(at.getTime() + minutes * 60_000).toISOString();

export interface CallbackView {
  id: number;
  status: string;
  dueAt: string;
  attempts: number;
  satisfied: boolean | null;
  complaintTicketId: number | null;
}
