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

export interface RawTechnicianRow {
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

const HELD = HELD_WORK_ORDER_STATUSES.map((s) => `'${s}'`).join(', ');

/** An id written into SQL text: only a safe integer gets through, so the text cannot be injected. */
const int = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`not an id: ${n}`);
  return String(n);
};

/**
 * Technicians of a project: active staff whose roles grant workorders.execute and whose data scope
 * names the project (company-wide accounts are administrators, not field staff), with duty state and
 * open load; `filter` narrows by u.id. SQL text with its ids written in (safe integers only), so it can
 * also go in a multi-statement script (see onDutyPoolScript).
 */
function candidatesText(companyId: number, projectId: number, filter: string): string {
  return `
    select u.id, u.display_name, u.department, u.phone, u.skills, ts.on_duty, ts.open_cap, ts.last_assigned_at,
           (select count(*) from work_orders w where w.technician_id = u.id and w.status in (${HELD})) as open_count
      from users u
      left join technician_status ts on ts.user_id = u.id
     where u.company_id = ${int(companyId)} and u.active and not u.all_projects
       and exists (select 1 from user_projects up where up.user_id = u.id and up.project_id = ${int(projectId)})
       and exists (select 1 from user_roles ur join roles r on r.id = ur.role_id
                    where ur.user_id = u.id and 'workorders.execute' = any(r.permissions))
       ${filter}
     order by u.id`;
}

export function toTechnicianRow(r: RawTechnicianRow, defaultCap: number): TechnicianRow {
  return {
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
  };
}

/** Technicians of a project with duty state and open load (candidatesText), optionally only `onlyIds`. */
export async function technicianCandidates(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  defaultCap: number,
  options: { onlyIds?: number[] } = {},
): Promise<TechnicianRow[]> {
  const only = options.onlyIds ? `and u.id in (${[...options.onlyIds.map(int), 'null'].join(', ')})` : '';
  const result = (await db.execute(sql.raw(candidatesText(companyId, projectId, only)))) as unknown as {
    rows: RawTechnicianRow[];
  };
  return result.rows.map((r) => toTechnicianRow(r, defaultCap));
}

/**
 * Two statements for the opening of a dispatch transaction (Database.rawTransaction): lock the status
 * rows of the project's on-duty technicians in id order, then — a statement of its own, so it reads
 * after the locks were granted and sees every order a concurrent dispatch gave them — read exactly those
 * technicians with their loads (the second result). A technician who comes on duty meanwhile is not
 * locked, so not offered.
 */
export function onDutyPoolScript(companyId: number, projectId: number): string {
  const lock = `
    select set_config('guanjia.locked', coalesce(string_agg(x.user_id::text, ','), ''), true)
      from (select ts.user_id from technician_status ts
             where ts.company_id = ${int(companyId)} and ts.on_duty
               and exists (select 1 from user_projects up where up.user_id = ts.user_id and up.project_id = ${int(projectId)})
             order by ts.user_id
               for update of ts) x`;
  const locked = `and u.id = any(string_to_array(nullif(current_setting('guanjia.locked'), ''), ',')::bigint[])`;
  return `${lock};\n${candidatesText(companyId, projectId, locked)}`;
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
