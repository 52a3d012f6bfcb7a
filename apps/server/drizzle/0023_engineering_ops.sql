CREATE TABLE "contractor_contracts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contractor_contracts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contractor_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"title" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"systems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contractor_evaluations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contractor_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"contractor_id" bigint NOT NULL,
	"month" text NOT NULL,
	"items" jsonb NOT NULL,
	"total" integer NOT NULL,
	"grade" text NOT NULL,
	"settlement_percent" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evaluated_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contractor_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contractor_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"contractor_id" bigint NOT NULL,
	"visitor_name" text NOT NULL,
	"headcount" integer DEFAULT 1 NOT NULL,
	"purpose" text NOT NULL,
	"inspection_task_id" bigint,
	"work_order_number" text,
	"safety_briefing" boolean DEFAULT false NOT NULL,
	"site_checked" boolean,
	"escort_id" bigint,
	"note" text DEFAULT '' NOT NULL,
	"signed_in_at" timestamp with time zone NOT NULL,
	"signed_out_at" timestamp with time zone,
	"created_by_id" bigint
);
--> statement-breakpoint
CREATE TABLE "contractors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contractors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"trade" text NOT NULL,
	"systems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"credentials" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_checks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patrol_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"patrol_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"point_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"window_from" timestamp with time zone NOT NULL,
	"window_to" timestamp with time zone NOT NULL,
	"scanned_at" timestamp with time zone,
	"scanned_by_id" bigint,
	"grade" text
);
--> statement-breakpoint
CREATE TABLE "patrol_points" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patrol_points_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"route_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"equipment_id" bigint,
	"offset_minutes" integer,
	"clock_from" text,
	"clock_to" text
);
--> statement-breakpoint
CREATE TABLE "patrol_routes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patrol_routes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"tolerance_minutes" integer DEFAULT 10 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrols" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patrols_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"route_id" bigint NOT NULL,
	"route_name" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT '待巡' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "materials_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"spec" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"price_fen" integer NOT NULL,
	"min_stock" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"material_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"price_fen" integer NOT NULL,
	"work_order_number" text,
	"work_order_id" bigint,
	"stocktake_id" bigint,
	"note" text DEFAULT '' NOT NULL,
	"by_id" bigint,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocktake_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktake_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"stocktake_id" bigint NOT NULL,
	"material_id" bigint NOT NULL,
	"book_qty" integer NOT NULL,
	"counted_qty" integer,
	"price_fen" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocktakes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktakes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'counting' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractor_contracts" ADD CONSTRAINT "contractor_contracts_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_evaluations" ADD CONSTRAINT "contractor_evaluations_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_visits" ADD CONSTRAINT "contractor_visits_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractors" ADD CONSTRAINT "contractors_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checks" ADD CONSTRAINT "patrol_checks_patrol_id_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."patrols"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_routes" ADD CONSTRAINT "patrol_routes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_stocktake_id_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contractor_contracts_idx" ON "contractor_contracts" USING btree ("contractor_id","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_evaluations_uq" ON "contractor_evaluations" USING btree ("contractor_id","month");--> statement-breakpoint
CREATE INDEX "contractor_visits_contractor_idx" ON "contractor_visits" USING btree ("contractor_id","signed_in_at");--> statement-breakpoint
CREATE INDEX "contractor_visits_project_idx" ON "contractor_visits" USING btree ("project_id","signed_in_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contractors_project_name_uq" ON "contractors" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_checks_patrol_point_uq" ON "patrol_checks" USING btree ("patrol_id","point_id");--> statement-breakpoint
CREATE INDEX "patrol_checks_project_window_idx" ON "patrol_checks" USING btree ("project_id","window_from");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_points_project_code_uq" ON "patrol_points" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "patrol_points_route_idx" ON "patrol_points" USING btree ("route_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_routes_project_name_uq" ON "patrol_routes" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "patrols_route_start_uq" ON "patrols" USING btree ("route_id","starts_at");--> statement-breakpoint
CREATE INDEX "patrols_project_start_idx" ON "patrols" USING btree ("project_id","starts_at");--> statement-breakpoint
CREATE INDEX "patrols_open_idx" ON "patrols" USING btree ("status","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "materials_project_code_uq" ON "materials" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "stock_movements_material_idx" ON "stock_movements" USING btree ("material_id","occurred_at");--> statement-breakpoint
CREATE INDEX "stock_movements_project_idx" ON "stock_movements" USING btree ("project_id","occurred_at");--> statement-breakpoint
CREATE INDEX "stock_movements_wo_idx" ON "stock_movements" USING btree ("project_id","work_order_number");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_lines_uq" ON "stocktake_lines" USING btree ("stocktake_id","material_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktakes_project_month_uq" ON "stocktakes" USING btree ("project_id","month");