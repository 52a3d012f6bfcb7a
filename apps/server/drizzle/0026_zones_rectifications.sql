CREATE TABLE "rectification_rounds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rectification_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rectification_id" bigint NOT NULL,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by_id" bigint,
	"new_deadline" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rectifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"source_type" text NOT NULL,
	"source_id" bigint,
	"source_item_id" bigint,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"location" text,
	"building_id" bigint,
	"unit_id" bigint,
	"nc_type" text,
	"department_id" bigint,
	"owner_id" bigint,
	"checker_id" bigint,
	"finding_photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_buildings" (
	"zone_id" bigint NOT NULL,
	"building_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	CONSTRAINT "zone_buildings_zone_id_building_id_pk" PRIMARY KEY("zone_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "zones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"butler_id" bigint,
	"deputy_id" bigint,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rectification_rounds" ADD CONSTRAINT "rectification_rounds_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_rounds" ADD CONSTRAINT "rectification_rounds_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_checker_id_users_id_fk" FOREIGN KEY ("checker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_buildings" ADD CONSTRAINT "zone_buildings_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_buildings" ADD CONSTRAINT "zone_buildings_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_butler_id_users_id_fk" FOREIGN KEY ("butler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_deputy_id_users_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_rounds_idx" ON "rectification_rounds" USING btree ("rectification_id","id");--> statement-breakpoint
CREATE INDEX "rectifications_project_state_idx" ON "rectifications" USING btree ("project_id","state","deadline");--> statement-breakpoint
CREATE INDEX "rectifications_source_idx" ON "rectifications" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "rectifications_department_idx" ON "rectifications" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "rectifications_owner_idx" ON "rectifications" USING btree ("owner_id","state");--> statement-breakpoint
CREATE INDEX "rectifications_overdue_idx" ON "rectifications" USING btree ("deadline") WHERE state = 'open' and escalated_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "zone_buildings_building_uq" ON "zone_buildings" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "zone_buildings_project_idx" ON "zone_buildings" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_project_code_uq" ON "zones" USING btree ("project_id","code");--> statement-breakpoint
-- Hand-written (issues 18–22): companies seeded before these permissions existed get them on their
-- built-in roles, as a new company would, and the built-in 管家 role. Custom roles are left alone.
UPDATE "roles" r SET "permissions" = ARRAY(SELECT DISTINCT unnest(r."permissions" || x.add)), "version" = r."version" + 1, "updated_at" = now()
  FROM (VALUES
    ('admin', ARRAY['quality.read','quality.inspect','quality.manage','rectifications.handle','zones.write','surveys.read','surveys.write','visits.write','desk.read','desk.write','gate.verify','decoration.manage','facilities.manage','analytics.read','triage.manage']),
    ('project_manager', ARRAY['quality.read','quality.inspect','quality.manage','rectifications.handle','zones.write','surveys.read','surveys.write','visits.write','desk.read','desk.write','decoration.manage','facilities.manage','analytics.read','triage.manage']),
    ('cs_supervisor', ARRAY['quality.read','quality.inspect','rectifications.handle','zones.write','surveys.read','surveys.write','visits.write','desk.read','desk.write','decoration.manage','facilities.manage','analytics.read','triage.manage']),
    ('cs_lead', ARRAY['quality.read','rectifications.handle','surveys.read','surveys.write','visits.write','desk.read','desk.write','decoration.manage','analytics.read']),
    ('agent', ARRAY['surveys.read','surveys.write','visits.write','desk.read','desk.write']),
    ('qa', ARRAY['quality.read','quality.inspect','analytics.read']),
    ('eng_supervisor', ARRAY['quality.read','rectifications.handle','decoration.manage','analytics.read']),
    ('technician', ARRAY['rectifications.handle']),
    ('security', ARRAY['rectifications.handle','desk.read','gate.verify']),
    ('quality', ARRAY['quality.read','quality.inspect','quality.manage','surveys.read','analytics.read']),
    ('finance', ARRAY['analytics.read'])
  ) AS x(code, add)
 WHERE r."code" = x.code AND r."builtin";
--> statement-breakpoint
INSERT INTO "roles" ("company_id", "code", "name", "permissions", "builtin")
SELECT c."id", x.code, x.name, x.perms, true
  FROM "companies" c
 CROSS JOIN (VALUES
    ('butler', '管家', ARRAY['estate.read','residents.read','residents.write','tickets.read','tickets.write','callbacks.write','calls.read','calls.handle','kb.read','billing.read','billing.collect','emergencies.report','rectifications.handle','surveys.read','surveys.write','visits.write','desk.read','desk.write'])
  ) AS x(code, name, perms)
ON CONFLICT ("company_id", "code") DO NOTHING;
