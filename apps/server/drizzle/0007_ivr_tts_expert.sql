ALTER TABLE "ivr_sessions" ADD COLUMN "lock_owner" uuid;--> statement-breakpoint
ALTER TABLE "ivr_sessions" ADD COLUMN "locked_until" timestamp with time zone;