ALTER TABLE "tickets" ADD COLUMN "urge_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "last_urged_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written (issue 13): the built-in 座席 role no longer sees ID numbers and full phones (保密制度);
-- companies seeded before this change lose pii.view on that role too. Custom roles are left alone.
UPDATE "roles" SET "permissions" = array_remove("permissions", 'pii.view'), "version" = "version" + 1, "updated_at" = now()
 WHERE "code" = 'agent' AND "builtin" AND 'pii.view' = ANY("permissions");
