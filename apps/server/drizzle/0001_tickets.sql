CREATE TABLE "ticket_categories" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint,
	"parent_id" bigint,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	"path_ids" bigint[] NOT NULL,
	"path_names" text NOT NULL,
	"skill" text,
	"callback_rule" text,
	"default_priority" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_counters" (
	"project_id" bigint NOT NULL,
	"prefix" text NOT NULL,
	"day" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "ticket_counters_project_id_prefix_day_pk" PRIMARY KEY("project_id","prefix","day")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"appointment_at" timestamp with time zone,
	"unit_id" bigint,
	"resident_id" bigint,
	"contact_name" text,
	"contact_phone" text,
	"category_id" bigint,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_id" bigint,
	"created_by_id" bigint,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"callback_rule" text DEFAULT 'always' NOT NULL,
	"answer" text,
	"cancel_reason" text,
	"source_ticket_id" bigint,
	"idempotency_key" text,
	"resident_rating" jsonb,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"respond_due_at" timestamp with time zone,
	"reply_due_at" timestamp with time zone,
	"callback_due_at" timestamp with time zone,
	"sla_due_at" timestamp with time zone,
	"sla_next_at" timestamp with time zone,
	"sla_state" text DEFAULT 'ok' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_handoffs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_order_handoffs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"work_order_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"technician_id" bigint,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"left_reason" text,
	"note" text,
	"by_user_id" bigint
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"category_id" bigint,
	"skill" text,
	"dispatch_mode" text NOT NULL,
	"priority" text NOT NULL,
	"appointment_at" timestamp with time zone,
	"description" text NOT NULL,
	"team" text,
	"technician_id" bigint,
	"vendor_name" text,
	"dispatched_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"transfer_count" integer DEFAULT 0 NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photos_before" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photos_after" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signature" text,
	"result" text,
	"last_reason" text,
	"dispatch_due_at" timestamp with time zone,
	"arrive_due_at" timestamp with time zone,
	"resolve_due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_rules" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispatch_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint,
	"category_id" bigint,
	"mode" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "technician_status" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"on_duty" boolean DEFAULT false NOT NULL,
	"open_cap" integer,
	"last_assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"project_id" bigint,
	"kind" text NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"ticket_id" bigint,
	"work_order_id" bigint,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_calendars" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_calendars_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"always" boolean DEFAULT false NOT NULL,
	"weekdays" jsonb NOT NULL,
	"holidays" text[] DEFAULT '{}'::text[] NOT NULL,
	"extra_workdays" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_clocks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"subject" text NOT NULL,
	"work_order_id" bigint,
	"kind" text NOT NULL,
	"policy_id" integer NOT NULL,
	"calendar" jsonb NOT NULL,
	"target_minutes" double precision NOT NULL,
	"by_appointment" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"paused_minutes" double precision DEFAULT 0 NOT NULL,
	"elapsed_minutes" double precision,
	"state" text NOT NULL,
	"warn_at" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings_fired" integer DEFAULT 0 NOT NULL,
	"breach_notified_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint,
	"name" text NOT NULL,
	"ticket_type" text,
	"category_id" bigint,
	"priority" text,
	"calendar_id" bigint,
	"targets" jsonb NOT NULL,
	"callback_policy" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "callbacks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"round" integer NOT NULL,
	"status" text DEFAULT '待回访' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"reached" boolean,
	"satisfied" boolean,
	"score_overall" integer,
	"score_speed" integer,
	"score_attitude" integer,
	"comment" text,
	"agent_id" bigint,
	"completed_at" timestamp with time zone,
	"complaint_ticket_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ticket_categories" ADD CONSTRAINT "ticket_categories_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_categories" ADD CONSTRAINT "ticket_categories_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_handoffs" ADD CONSTRAINT "work_order_handoffs_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technician_status" ADD CONSTRAINT "technician_status_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_categories_name_uq" ON "ticket_categories" USING btree ("company_id",coalesce("project_id", 0),coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "ticket_categories_company_idx" ON "ticket_categories" USING btree ("company_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_project_number_uq" ON "tickets" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_idempotency_uq" ON "tickets" USING btree ("company_id","idempotency_key") WHERE "tickets"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "tickets_project_id_idx" ON "tickets" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "tickets_project_status_idx" ON "tickets" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE INDEX "tickets_project_type_idx" ON "tickets" USING btree ("project_id","type","id");--> statement-breakpoint
CREATE INDEX "tickets_project_created_idx" ON "tickets" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_project_sla_idx" ON "tickets" USING btree ("project_id","sla_state","sla_due_at");--> statement-breakpoint
CREATE INDEX "tickets_owner_idx" ON "tickets" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "tickets_resident_idx" ON "tickets" USING btree ("resident_id","id");--> statement-breakpoint
CREATE INDEX "tickets_unit_idx" ON "tickets" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "tickets_category_idx" ON "tickets" USING btree ("category_id","id");--> statement-breakpoint
CREATE INDEX "tickets_sla_next_idx" ON "tickets" USING btree ("sla_next_at") WHERE "tickets"."sla_next_at" is not null;--> statement-breakpoint
CREATE INDEX "tickets_search_trgm_idx" ON "tickets" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "work_order_handoffs_wo_idx" ON "work_order_handoffs" USING btree ("work_order_id","id");--> statement-breakpoint
CREATE INDEX "work_order_handoffs_tech_idx" ON "work_order_handoffs" USING btree ("technician_id","from_at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_project_number_uq" ON "work_orders" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "work_orders_ticket_idx" ON "work_orders" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "work_orders_technician_idx" ON "work_orders" USING btree ("technician_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_project_status_idx" ON "work_orders" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE INDEX "work_orders_pending_idx" ON "work_orders" USING btree ("id") WHERE "work_orders"."status" = '待派单';--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_rules_uq" ON "dispatch_rules" USING btree ("company_id",coalesce("project_id", 0),coalesce("category_id", 0));--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_key_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "sla_calendars_company_idx" ON "sla_calendars" USING btree ("company_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_clocks_subject_uq" ON "sla_clocks" USING btree ("ticket_id","subject","kind");--> statement-breakpoint
CREATE INDEX "sla_clocks_project_kind_idx" ON "sla_clocks" USING btree ("project_id","kind","state");--> statement-breakpoint
CREATE INDEX "sla_policies_company_idx" ON "sla_policies" USING btree ("company_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_ticket_round_uq" ON "callbacks" USING btree ("ticket_id","round");--> statement-breakpoint
CREATE INDEX "callbacks_project_status_idx" ON "callbacks" USING btree ("project_id","status","due_at");--> statement-breakpoint
-- Builtin roles of companies created before issue 3 receive the new ticket permissions of DEFAULT_ROLES.
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'tickets.write', 'tickets.dispatch', 'workorders.execute', 'callbacks.write', 'sla.manage', 'reports.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'admin';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'tickets.write', 'tickets.dispatch', 'callbacks.write', 'reports.read', 'sla.manage']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'project_manager';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'tickets.write', 'tickets.dispatch', 'callbacks.write', 'reports.read', 'sla.manage']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'cs_supervisor';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'tickets.write', 'tickets.dispatch', 'callbacks.write', 'reports.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'cs_lead';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'tickets.write', 'callbacks.write']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'agent';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'reports.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'qa';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'expert';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'tickets.dispatch', 'workorders.execute', 'reports.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'eng_supervisor';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['workorders.execute']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'technician';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['workorders.execute']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'security';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['workorders.execute']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'cleaner';--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['tickets.read', 'reports.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'quality';
