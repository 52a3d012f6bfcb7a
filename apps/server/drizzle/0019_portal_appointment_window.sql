ALTER TABLE "tickets" ADD COLUMN "appointment_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "appointment_until" timestamp with time zone;