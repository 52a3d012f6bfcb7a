CREATE TABLE "deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"source_type" text NOT NULL,
	"source_id" bigint NOT NULL,
	"resident_id" bigint,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"provider" text,
	"provider_message_id" text,
	"last_error" text,
	"not_before" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_tickets" (
	"incident_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"linked_by_id" bigint,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incident_tickets_incident_id_ticket_id_pk" PRIMARY KEY("incident_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"emergency" boolean NOT NULL,
	"title" text NOT NULL,
	"building_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"unit_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"category_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expected_end_at" timestamp with time zone,
	"resident_text" text NOT NULL,
	"agent_script" text DEFAULT '' NOT NULL,
	"status" text DEFAULT '进行中' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"notify_target_minutes" integer,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"first_delivery_at" timestamp with time zone,
	"notify_breached" boolean DEFAULT false NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_opt_outs" (
	"resident_id" bigint NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_opt_outs_resident_id_type_pk" PRIMARY KEY("resident_id","type")
);
--> statement-breakpoint
CREATE TABLE "notice_reads" (
	"notice_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_reads_notice_id_resident_id_pk" PRIMARY KEY("notice_id","resident_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"audience" jsonb NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"incident_id" bigint,
	"location" text,
	"event_starts_at" timestamp with time zone,
	"event_ends_at" timestamp with time zone,
	"publish_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT '草稿' NOT NULL,
	"reviewed_by_id" bigint,
	"reviewed_at" timestamp with time zone,
	"approved_by_id" bigint,
	"approved_at" timestamp with time zone,
	"reject_reason" text,
	"published_by_id" bigint,
	"published_at" timestamp with time zone,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_codes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"phone" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_tickets" ADD CONSTRAINT "incident_tickets_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tickets" ADD CONSTRAINT "incident_tickets_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_reads" ADD CONSTRAINT "notice_reads_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_source_idx" ON "deliveries" USING btree ("source_type","source_id","id");--> statement-breakpoint
CREATE INDEX "deliveries_project_idx" ON "deliveries" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "deliveries_resident_idx" ON "deliveries" USING btree ("resident_id","id");--> statement-breakpoint
CREATE INDEX "incident_tickets_ticket_idx" ON "incident_tickets" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "incidents_project_status_idx" ON "incidents" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE INDEX "incidents_project_id_idx" ON "incidents" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "notice_reads_resident_idx" ON "notice_reads" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "notices_project_status_idx" ON "notices" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE INDEX "notices_project_expiry_idx" ON "notices" USING btree ("project_id","expires_at");--> statement-breakpoint
CREATE INDEX "portal_codes_phone_idx" ON "portal_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_sessions_token_uq" ON "portal_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "portal_sessions_phone_idx" ON "portal_sessions" USING btree ("phone");--> statement-breakpoint
-- Builtin roles of companies created before issue 5 receive the incident and notice permissions of DEFAULT_ROLES.
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['incidents.read', 'incidents.write', 'notices.read', 'notices.write', 'notices.review', 'notices.approve']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'admin';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['incidents.read', 'incidents.write', 'notices.read', 'notices.write', 'notices.approve']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'project_manager';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['incidents.read', 'incidents.write', 'notices.read', 'notices.write', 'notices.review']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'cs_supervisor';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['incidents.read', 'incidents.write', 'notices.read', 'notices.write', 'notices.review']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'cs_lead';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['incidents.read', 'incidents.write', 'notices.read', 'notices.write']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'agent';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['incidents.read', 'notices.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'qa';
