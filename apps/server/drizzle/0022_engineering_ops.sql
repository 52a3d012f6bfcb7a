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
ALTER TABLE "patrol_checks" ADD CONSTRAINT "patrol_checks_patrol_id_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."patrols"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_routes" ADD CONSTRAINT "patrol_routes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_checks_patrol_point_uq" ON "patrol_checks" USING btree ("patrol_id","point_id");--> statement-breakpoint
CREATE INDEX "patrol_checks_project_window_idx" ON "patrol_checks" USING btree ("project_id","window_from");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_points_project_code_uq" ON "patrol_points" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "patrol_points_route_idx" ON "patrol_points" USING btree ("route_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_routes_project_name_uq" ON "patrol_routes" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "patrols_route_start_uq" ON "patrols" USING btree ("route_id","starts_at");--> statement-breakpoint
CREATE INDEX "patrols_project_start_idx" ON "patrols" USING btree ("project_id","starts_at");--> statement-breakpoint
CREATE INDEX "patrols_open_idx" ON "patrols" USING btree ("status","closes_at");