CREATE TABLE "portal_binding_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_binding_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT '待审核' NOT NULL,
	"requester_phone" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"relation" text NOT NULL,
	"lease_ends_on" date,
	"target_resident_id" bigint,
	"note" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reject_reason" text,
	"resident_id" bigint,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_units" ADD COLUMN "lease_ends_on" date;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "code" text;--> statement-breakpoint
CREATE INDEX "portal_binding_requests_queue_idx" ON "portal_binding_requests" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE INDEX "portal_binding_requests_requester_idx" ON "portal_binding_requests" USING btree ("company_id","requester_phone","id");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_binding_requests_pending_uq" ON "portal_binding_requests" USING btree ("unit_id","phone","kind") WHERE "portal_binding_requests"."status" = '待审核';--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_code_uq" UNIQUE("code");--> statement-breakpoint
-- hand-written below
-- Companies created before the portal link get their id as code (/portal?c=c1), as bootstrap does.
UPDATE "companies" SET "code" = 'c' || "id" WHERE "code" IS NULL;--> statement-breakpoint
-- Builtin front-desk roles of existing companies receive the new permission of DEFAULT_ROLES.
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['portal.bindings']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('admin', 'project_manager', 'cs_supervisor', 'cs_lead', 'agent');
