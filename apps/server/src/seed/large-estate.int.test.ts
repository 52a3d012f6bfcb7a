import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../platform/bus/memory-bus';
import { ControllableClock } from '../platform/clock/clock';
import { type Database, openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';
import { createLocalQueue } from '../platform/jobs/local-queue';
import { createScratchPostgres, testDbKind } from '../testing/test-database';
import { testConfig } from '../testing/test-server';
import { seedLargeEstate } from './large-estate';
import { LARGE } from './large-plan';
import { seedIfEmpty } from './seed-if-empty';

let database: Database;
let drop: (() => Promise<void>) | undefined;
const clock = new ControllableClock();

beforeAll(async () => {
  const scratch = testDbKind() === 'postgres' ? await createScratchPostgres() : null;
  drop = scratch?.drop;
  database = await openDatabase(scratch ? { url: scratch.url, poolSize: 3 } : { dataDir: 'memory://' });
  await migrate(database);
  const services = {
    config: testConfig(),
    database,
    clock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, clock),
  };
  await seedIfEmpty(services, { adminPassword: 'x-admin-1', demo: false });
});

afterAll(async () => {
  await database?.close();
  await drop?.();
});

const countOf = async (sql: string, params: unknown[] = []) =>
  Number((await database.query<{ n: string | number }>(sql, params))[0]?.n);

describe('seedLargeEstate', () => {
  it('writes residents with phones and unit links in batches', async () => {
    const result = await seedLargeEstate(database, { residents: 2_500, batch: 700, now: clock.now() });
    expect(result).toMatchObject({ residentsBefore: 0, residentsAdded: 2_500, buildings: 3, units: 3 * 336 });
    const project = result.projectId;
    expect(await countOf('select count(*) as n from residents where project_id = $1', [project])).toBe(2_500);
    expect(await countOf('select count(*) as n from resident_units where project_id = $1', [project])).toBe(
      2_500,
    );
    expect(
      await countOf('select count(*) as n from resident_phones where project_id = $1', [project]),
    ).toBeGreaterThanOrEqual(2_500);
    const [first] = await database.query<{ label: string; relation: string }>(
      `select u.label, ru.relation from residents r join resident_units ru on ru.resident_id = r.id join units u on u.id = ru.unit_id
        where r.project_id = $1 order by r.id limit 1`,
      [project],
    );
    expect(first).toEqual({ label: '1-1-101', relation: '业主' });
  });

  it('skips when the project is already big enough and tops up otherwise', async () => {
    const again = await seedLargeEstate(database, { residents: 2_000, now: clock.now() });
    expect(again).toMatchObject({ residentsBefore: 2_500, residentsAdded: 0, rowsWritten: 0 });
    const more = await seedLargeEstate(database, { residents: 3_100, batch: 1_000, now: clock.now() });
    expect(more).toMatchObject({ residentsBefore: 2_500, residentsAdded: 600, buildings: 4 });
    expect(await countOf('select count(*) as n from residents where project_id = $1', [more.projectId])).toBe(
      3_100,
    );
    expect(await countOf('select count(*) as n from projects where code = $1', [LARGE.code])).toBe(1);
    expect(await countOf('select count(*) as n from units where project_id = $1', [more.projectId])).toBe(
      4 * 336,
    );
  });
});
