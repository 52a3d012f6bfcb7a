import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { users } from '../auth/schema';
import { cappedCount } from './capped-count';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

describe('cappedCount', () => {
  it('counts exactly up to the cap and says when it stopped', async () => {
    const db = t.services.database.db;
    const exact = (await db.select().from(users)).length;
    expect(exact).toBeGreaterThan(3);
    expect(await cappedCount(db, users, undefined, 100)).toEqual({ total: exact, totalCapped: false });
    expect(await cappedCount(db, users, undefined, exact)).toEqual({ total: exact, totalCapped: false });
    expect(await cappedCount(db, users, undefined, exact - 1)).toEqual({
      total: exact - 1,
      totalCapped: true,
    });
    expect(await cappedCount(db, users, eq(users.username, 'admin'))).toEqual({
      total: 1,
      totalCapped: false,
    });
  });
});
