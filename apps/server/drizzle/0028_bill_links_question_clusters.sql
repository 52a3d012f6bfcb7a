ALTER TABLE "kb_questions" ALTER COLUMN "asked_by_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bills" ADD COLUMN "source_type" text;--> statement-breakpoint
ALTER TABLE "bills" ADD COLUMN "source_id" bigint;--> statement-breakpoint
ALTER TABLE "decorations" ADD COLUMN "deposit_bill_id" bigint;--> statement-breakpoint
ALTER TABLE "decorations" ADD COLUMN "deposit_payment_id" bigint;--> statement-breakpoint
ALTER TABLE "decorations" ADD COLUMN "deposit_refund_id" bigint;--> statement-breakpoint
ALTER TABLE "facility_bookings" ADD COLUMN "bill_id" bigint;--> statement-breakpoint
ALTER TABLE "kb_questions" ADD COLUMN "source" text DEFAULT 'agent' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_questions" ADD COLUMN "member_ticket_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "bills_source_uq" ON "bills" USING btree ("source_type","source_id") WHERE source_type is not null;--> statement-breakpoint
CREATE INDEX "kb_questions_auto_idx" ON "kb_questions" USING btree ("project_id","source","status");