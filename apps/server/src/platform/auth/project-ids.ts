import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

// Raw SQL on purpose: platform code must not import the org module that owns the projects table.
export async function projectsOfCompany(db: Db, companyId: number): Promise<number[]> {
  // Both drivers (pg and PGlite) answer execute() with { rows }.
  const result = (await db.execute(
    sql`select id from projects where company_id = ${companyId} order by id`,
  )) as unknown as {
    rows: { id: string | number }[];
  };
  return result.rows.map((r) => Number(r.id));
}
