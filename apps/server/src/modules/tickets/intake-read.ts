import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';

export interface IntakeFacts {
  ticketId: number;
  workOrderId: number | null;
  /** The ticket an earlier request with the same Idempotency-Key created. */
  existingId: number | null;
  unit: { projectId: number; label: string } | null;
  resident: { projectId: number; name: string } | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Everything an intake must read before it writes, in one round trip: ids for the ticket and its work
 * order (so the SLA clocks, events and timer can be computed before anything is written), an earlier
 * ticket with the same Idempotency-Key, and the unit and resident to check they belong to the project.
 */
export async function readIntakeFacts(
  db: DbOrTx,
  input: {
    companyId: number;
    idempotencyKey: string | null;
    unitId: number | null;
    residentId: number | null;
    withWorkOrder: boolean;
  },
): Promise<IntakeFacts> {
  const result = (await db.execute(sql`
    select nextval(pg_get_serial_sequence('tickets', 'id')) as ticket_id,
           case when ${input.withWorkOrder} then nextval(pg_get_serial_sequence('work_orders', 'id')) end as work_order_id,
           (select id from tickets where company_id = ${input.companyId}
               and idempotency_key = ${input.idempotencyKey}::text) as existing_id,
           u.project_id as unit_project_id, u.label as unit_label,
           r.project_id as resident_project_id, r.name as resident_name
      from (select 1) one
      left join units u on u.id = ${input.unitId}::bigint
      left join residents r on r.id = ${input.residentId}::bigint`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  const row = result.rows[0] ?? {};
  const unitProject = num(row.unit_project_id);
  const residentProject = num(row.resident_project_id);
  return {
    ticketId: Number(row.ticket_id),
    workOrderId: num(row.work_order_id),
    existingId: num(row.existing_id),
    unit: unitProject === null ? null : { projectId: unitProject, label: String(row.unit_label) },
    resident:
      residentProject === null ? null : { projectId: residentProject, name: String(row.resident_name) },
  };
}
