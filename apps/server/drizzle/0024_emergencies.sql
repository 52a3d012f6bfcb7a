CREATE TABLE "duty_shifts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "duty_shifts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"role" text NOT NULL,
	"user_id" bigint NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergencies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emergencies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT '已上报' NOT NULL,
	"drill" boolean DEFAULT false NOT NULL,
	"drill_starts_at" timestamp with time zone,
	"drill_notice_id" bigint,
	"place" text NOT NULL,
	"building_id" bigint,
	"description" text DEFAULT '' NOT NULL,
	"photo_upload_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"voice_upload_id" bigint,
	"plan_name" text NOT NULL,
	"plan_version" integer NOT NULL,
	"outage_incident_id" bigint,
	"reported_by_id" bigint,
	"started_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"on_site_at" timestamp with time zone,
	"controlled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"report" jsonb DEFAULT '{"cause":"","handling":"","aftermath":"","result":""}'::jsonb NOT NULL,
	"review" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emergency_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emergency_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"emergency_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"role" text NOT NULL,
	"proof" text NOT NULL,
	"escalate_to" text NOT NULL,
	"after_start_minutes" integer,
	"after_previous_minutes" integer,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" bigint,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"last_escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "emergency_tickets" (
	"emergency_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emergency_tickets_emergency_id_ticket_id_pk" PRIMARY KEY("emergency_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "emergency_timers" (
	"id" text PRIMARY KEY NOT NULL,
	"emergency_id" bigint NOT NULL,
	"step_id" bigint,
	"level" integer DEFAULT 1 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "emergency_rectifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emergency_rectifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"emergency_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"title" text NOT NULL,
	"owner_id" bigint NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_storm_tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emergency_storm_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"emergency_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"title" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee_id" bigint,
	"done_at" timestamp with time zone,
	"done_by_id" bigint
);
--> statement-breakpoint
CREATE INDEX "duty_shifts_project_date_idx" ON "duty_shifts" USING btree ("project_id","date");--> statement-breakpoint
CREATE INDEX "emergencies_project_idx" ON "emergencies" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "emergencies_number_uq" ON "emergencies" USING btree ("company_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_plans_uq" ON "emergency_plans" USING btree ("project_id","type","level");--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_steps_seq_uq" ON "emergency_steps" USING btree ("emergency_id","seq");--> statement-breakpoint
CREATE INDEX "emergency_timers_due_idx" ON "emergency_timers" USING btree ("due_at") WHERE fired_at is null;--> statement-breakpoint
CREATE INDEX "emergency_rectifications_idx" ON "emergency_rectifications" USING btree ("emergency_id");--> statement-breakpoint
CREATE INDEX "emergency_storm_tasks_idx" ON "emergency_storm_tasks" USING btree ("emergency_id","due_at");--> statement-breakpoint
-- Hand-written (issue 17): companies seeded before these permissions existed get them on their
-- built-in roles, as a new company would. Custom roles are left alone.
UPDATE "roles" r SET "permissions" = ARRAY(SELECT DISTINCT unnest(r."permissions" || x.add)), "version" = r."version" + 1, "updated_at" = now()
  FROM (VALUES
    ('admin', ARRAY['emergencies.report','emergencies.manage']),
    ('project_manager', ARRAY['emergencies.report','emergencies.manage']),
    ('cs_supervisor', ARRAY['emergencies.report','emergencies.manage']),
    ('cs_lead', ARRAY['emergencies.report']),
    ('agent', ARRAY['emergencies.report']),
    ('eng_supervisor', ARRAY['emergencies.report']),
    ('technician', ARRAY['emergencies.report']),
    ('security', ARRAY['emergencies.report'])
  ) AS x(code, add)
 WHERE r."code" = x.code AND r."builtin";
