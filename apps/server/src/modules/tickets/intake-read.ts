import type { Database } from '../../platform/db/client';

export interface IntakeFacts {
  ticketId: number;
  workOrderId: number | null;
  /** The ticket an earlier request with the same Idempotency-Key created. */
  existingId: number | null;
  unit: { projectId: number; label: string } | null;
  resident: { projectId: number; name: string } | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface IntakeQuestion {
  companyId: number;
  idempotencyKey: string | null;
  unitId: number | null;
  residentId: number | null;
  withWorkOrder: boolean;
}

/**
 * Everything an intake must read before it writes, for one intake or a batch, in one round trip: ids
 * for the ticket and its work order (so the SLA clocks, events and timer can be computed before
 * anything is written), an earlier ticket with the same Idempotency-Key, and the unit and resident to
 * check they belong to the project. Answers in the order asked.
 */
export async function readIntakeFacts(
  db: Database,
  questions: readonly IntakeQuestion[],
): Promise<IntakeFacts[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select x.ord, nextval(pg_get_serial_sequence('tickets', 'id')) as ticket_id,
            case when x.wo then nextval(pg_get_serial_sequence('work_orders', 'id')) end as work_order_id,
            (select t.id from tickets t where t.company_id = x.company_id and t.idempotency_key = x.key) as existing_id,
            u.project_id as unit_project_id, u.label as unit_label,
            r.project_id as resident_project_id, r.name as resident_name
       from json_to_recordset($1::json) as x(ord int, company_id bigint, key text, unit_id bigint, resident_id bigint, wo boolean)
       left join units u on u.id = x.unit_id
       left join residents r on r.id = x.resident_id
      order by x.ord`,
    [
      JSON.stringify(
        questions.map((q, ord) => ({
          ord,
          company_id: q.companyId,
          key: q.idempotencyKey,
          unit_id: q.unitId,
          resident_id: q.residentId,
          wo: q.withWorkOrder,
        })),
      ),
    ],
  );
  return rows.map((row) => {
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
  });
}
