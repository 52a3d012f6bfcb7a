import { HELD_WORK_ORDER_STATUSES } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { TechnicianCandidate } from '../tickets/rules/dispatch-choice';

export interface TechnicianRow extends TechnicianCandidate {
  displayName: string;
  department: string | null;
  phone: string | null;
  openCapSetting: number | null;
}

interface RawRow {
  id: string | number;
  display_name: string;
  department: string | null;
  phone: string | null;
  skills: string[];
  on_duty: boolean | null;
  open_cap: number | null;
  last_assigned_at: string | Date | null;
  open_count: string | number;
}

/**
 * Technicians of a project: active staff whose roles grant workorders.execute and whose data scope
 * names the project (company-wide accounts are administrators, not field staff), with duty state and
 * open load. One query; `forUpdate` locks their status rows so two dispatches cannot both fill the
 * last slot under someone's cap.
 */
export async function technicianCandidates(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  defaultCap: number,
  options: { onlyIds?: number[] } = {},
): Promise<TechnicianRow[]> {
  const held = sql.join(
    HELD_WORK_ORDER_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const only = options.onlyIds ? sql`and u.id = any(${sql.param(options.onlyIds)}::bigint[])` : sql``;
  const result = (await db.execute(sql`
    select u.id, u.display_name, u.department, u.phone, u.skills, ts.on_duty, ts.open_cap, ts.last_assigned_at,
           (select count(*) from work_orders w where w.technician_id = u.id and w.status in (${held})) as open_count
      from users u
      left join technician_status ts on ts.user_id = u.id
     where u.company_id = ${companyId} and u.active and not u.all_projects
       and exists (select 1 from user_projects up where up.user_id = u.id and up.project_id = ${projectId})
       and exists (select 1 from user_roles ur join roles r on r.id = ur.role_id
                    where ur.user_id = u.id and 'workorders.execute' = any(r.permissions))
       ${only}
     order by u.id`)) as unknown as { rows: RawRow[] };
  return result.rows.map((r) => ({
    id: Number(r.id),
    displayName: r.display_name,
    department: r.department,
    phone: r.phone,
    skills: r.skills ?? [],
    onDuty: r.on_duty === true,
    openCount: Number(r.open_count),
    cap: r.open_cap ?? defaultCap,
    openCapSetting: r.open_cap,
    lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at) : null,
  }));
}

/**
 * Serialize assignments to one technician (cap checks) for the rest of the transaction. One round trip
 * (this runs while other intakes queue for the row): DO UPDATE locks the existing row, or the new row
 * is this transaction's own until it commits.
 */
export async function lockTechnician(db: DbOrTx, companyId: number, userId: number): Promise<void> {
  await db.execute(sql`insert into technician_status (user_id, company_id) values (${userId}, ${companyId})
                       on conflict (user_id) do update set company_id = technician_status.company_id`);
}

/**
 * Lock a technician's status row unless another transaction holds it (SKIP LOCKED): true when this
 * transaction now holds it. Only for technicians on duty, who always have a row.
 */
export async function tryLockTechnician(db: DbOrTx, userId: number): Promise<boolean> {
  const result = (await db.execute(
    sql`select user_id from technician_status where user_id = ${userId} for update skip locked`,
  )) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}

/**
 * Lock the status rows of a project's on-duty technicians (in id order) for the rest of the
 * transaction; answers their ids. Batched intake dispatch (tickets/intake-dispatch-batch.ts) hands
 * several orders out under these locks.
 */
export async function lockOnDutyTechnicians(
  db: DbOrTx,
  companyId: number,
  projectId: number,
): Promise<number[]> {
  const result = (await db.execute(sql`
    select ts.user_id from technician_status ts
     where ts.company_id = ${companyId} and ts.on_duty
       and exists (select 1 from user_projects up where up.user_id = ts.user_id and up.project_id = ${projectId})
     order by ts.user_id
       for update of ts`)) as unknown as { rows: { user_id: string | number }[] };
  return result.rows.map((r) => Number(r.user_id));
}
