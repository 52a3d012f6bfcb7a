-- The screen pop reads a caller's open and latest tickets by resident (telephony/queries.ts callerLookup).
-- With the columns it shows carried in the index, both reads are index-only scans: at 2,000,000 tickets
-- the heap pages of an old resident's tickets are rarely cached, and those random reads set the p99.
-- drizzle's index builder has no INCLUDE, so the schema keeps declaring (resident_id, id) and this
-- migration gives the index its payload under the same name.
DROP INDEX IF EXISTS "tickets_resident_idx";--> statement-breakpoint
CREATE INDEX "tickets_resident_idx" ON "tickets" USING btree ("resident_id","id") INCLUDE ("project_id","status","type","sla_state","created_at","number","title");
