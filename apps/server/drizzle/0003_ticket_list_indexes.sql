DROP INDEX "tickets_project_created_idx";--> statement-breakpoint
DROP INDEX "tickets_category_idx";--> statement-breakpoint
CREATE INDEX "tickets_project_created_id_idx" ON "tickets" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_project_category_idx" ON "tickets" USING btree ("project_id","category_id","id");--> statement-breakpoint
CREATE INDEX "tickets_search_bigram_idx" ON "tickets" USING gin (guanjia_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "work_orders_technician_ticket_idx" ON "work_orders" USING btree ("technician_id","ticket_id");