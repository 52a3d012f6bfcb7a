CREATE TABLE "checklist_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checklist_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"checklist_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checklists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "equipment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"system" text NOT NULL,
	"type" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"brand" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"supplier" text DEFAULT '' NOT NULL,
	"maintainer" text DEFAULT '' NOT NULL,
	"contractor_id" bigint,
	"install_date" date,
	"warranty_end" date,
	"importance" text DEFAULT 'B' NOT NULL,
	"status" text DEFAULT '运行' NOT NULL,
	"status_since" timestamp with time zone,
	"document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment_defects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "equipment_defects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"equipment_key" bigint NOT NULL,
	"equipment_id" bigint,
	"plan_id" bigint,
	"item_id" text NOT NULL,
	"system" text NOT NULL,
	"ticket_id" bigint,
	"work_order_id" bigint,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment_status_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "equipment_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" bigint NOT NULL,
	"equipment_id" bigint NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" bigint,
	"work_order_id" bigint
);
--> statement-breakpoint
CREATE TABLE "inspection_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" bigint NOT NULL,
	"task_id" bigint NOT NULL,
	"item_id" text NOT NULL,
	"pass" boolean,
	"value" double precision,
	"text" text,
	"note" text,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"defect_id" bigint,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" bigint
);
--> statement-breakpoint
CREATE TABLE "inspection_tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"plan_id" bigint NOT NULL,
	"equipment_key" bigint DEFAULT 0 NOT NULL,
	"equipment_id" bigint,
	"system" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"slot" integer DEFAULT 1 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"checklist_version_id" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" bigint,
	"on_time" boolean,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintenance_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"system" text NOT NULL,
	"target" text NOT NULL,
	"equipment_id" bigint,
	"equipment_type" text,
	"template_key" text,
	"frequency" jsonb NOT NULL,
	"basis" text DEFAULT 'due' NOT NULL,
	"skip_holidays" boolean DEFAULT false NOT NULL,
	"start_date" date NOT NULL,
	"checklist_id" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"generated_until" date,
	"missed_warning_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checklist_versions" ADD CONSTRAINT "checklist_versions_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_defects" ADD CONSTRAINT "equipment_defects_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_status_changes" ADD CONSTRAINT "equipment_status_changes_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_plan_id_maintenance_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."maintenance_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_checklist_version_id_checklist_versions_id_fk" FOREIGN KEY ("checklist_version_id") REFERENCES "public"."checklist_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_plans" ADD CONSTRAINT "maintenance_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_plans" ADD CONSTRAINT "maintenance_plans_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_plans" ADD CONSTRAINT "maintenance_plans_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_versions_uq" ON "checklist_versions" USING btree ("checklist_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_project_code_uq" ON "equipment" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "equipment_project_system_idx" ON "equipment" USING btree ("project_id","system");--> statement-breakpoint
CREATE INDEX "equipment_defects_key_idx" ON "equipment_defects" USING btree ("project_id","equipment_key","item_id");--> statement-breakpoint
CREATE INDEX "equipment_status_changes_eq_idx" ON "equipment_status_changes" USING btree ("equipment_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_results_task_item_uq" ON "inspection_results" USING btree ("task_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_tasks_occurrence_uq" ON "inspection_tasks" USING btree ("plan_id","equipment_key","due_date","slot");--> statement-breakpoint
CREATE INDEX "inspection_tasks_project_due_idx" ON "inspection_tasks" USING btree ("project_id","due_date");--> statement-breakpoint
CREATE INDEX "inspection_tasks_equipment_idx" ON "inspection_tasks" USING btree ("equipment_id","due_date");--> statement-breakpoint
CREATE INDEX "maintenance_plans_project_idx" ON "maintenance_plans" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_plans_template_uq" ON "maintenance_plans" USING btree ("project_id","template_key") WHERE "maintenance_plans"."template_key" is not null;