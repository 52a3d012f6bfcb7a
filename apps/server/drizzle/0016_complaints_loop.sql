CREATE TABLE "complaint_warnings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaint_warnings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"rule" text NOT NULL,
	"cause" text,
	"building_id" bigint,
	"count" integer NOT NULL,
	"previous_count" integer,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_members" (
	"department_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	CONSTRAINT "department_members_department_id_user_id_pk" PRIMARY KEY("department_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "departments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"leader_id" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"assignee_id" bigint,
	"department_id" bigint,
	"deadline" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_replies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_replies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"body" text NOT NULL,
	"author_id" bigint,
	"channel" text,
	"delivery_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "department_id" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "assignee_id" bigint;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "handling_result" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "review_state" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "promised_reply_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_reply_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "overdue_cause" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "supervision_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "department_members" ADD CONSTRAINT "department_members_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_members" ADD CONSTRAINT "department_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_replies" ADD CONSTRAINT "ticket_replies_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_warnings_key_uq" ON "complaint_warnings" USING btree ("project_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "complaint_warnings_project_idx" ON "complaint_warnings" USING btree ("project_id","window_end");--> statement-breakpoint
CREATE INDEX "department_members_user_idx" ON "department_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_project_name_uq" ON "departments" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisions_active_uq" ON "supervisions" USING btree ("ticket_id") WHERE "supervisions"."state" = 'active';--> statement-breakpoint
CREATE INDEX "supervisions_assignee_idx" ON "supervisions" USING btree ("assignee_id","state","deadline");--> statement-breakpoint
CREATE INDEX "supervisions_project_idx" ON "supervisions" USING btree ("project_id","state","deadline");--> statement-breakpoint
CREATE INDEX "ticket_replies_ticket_idx" ON "ticket_replies" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id","status") WHERE "tickets"."assignee_id" is not null;--> statement-breakpoint
-- Builtin roles of existing companies receive the new permissions of DEFAULT_ROLES (hand-written).
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['complaints.supervise']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('admin', 'project_manager', 'cs_supervisor', 'cs_lead');--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['departments.write']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('admin', 'project_manager', 'cs_supervisor');
