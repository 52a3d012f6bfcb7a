-- Dashboards count a window's clocks and callbacks by their ticket's created_at without joining tickets:
-- copy it (a ticket's created_at never changes), fill the existing rows, then require it.
ALTER TABLE "callbacks" ADD COLUMN "ticket_created_at" timestamp with time zone;--> statement-breakpoint
UPDATE "callbacks" b SET "ticket_created_at" = t."created_at" FROM "tickets" t WHERE t."id" = b."ticket_id";--> statement-breakpoint
ALTER TABLE "callbacks" ALTER COLUMN "ticket_created_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "ticket_created_at" timestamp with time zone;--> statement-breakpoint
UPDATE "sla_clocks" k SET "ticket_created_at" = t."created_at" FROM "tickets" t WHERE t."id" = k."ticket_id";--> statement-breakpoint
ALTER TABLE "sla_clocks" ALTER COLUMN "ticket_created_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "callbacks_project_ticket_created_idx" ON "callbacks" USING btree ("project_id","ticket_created_at","status","satisfied");--> statement-breakpoint
CREATE INDEX "sla_clocks_project_ticket_created_idx" ON "sla_clocks" USING btree ("project_id","ticket_created_at","ticket_id","kind","state");--> statement-breakpoint
CREATE INDEX "tickets_project_open_created_idx" ON "tickets" USING btree ("project_id","created_at") WHERE "tickets"."status" in ('待受理', '处理中', '待回访');
