CREATE TABLE "bill_adjustments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bill_adjustments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"bill_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'approved' NOT NULL,
	"late_fee_day" date,
	"requested_by_id" bigint,
	"approved_by_id" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bill_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bill_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"bill_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"fee_item_id" bigint NOT NULL,
	"period" text NOT NULL,
	"parking_space" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(14, 2),
	"unit_price" integer,
	"amount" integer NOT NULL,
	"meter_reading_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bill_lines_uq" UNIQUE("unit_id","fee_item_id","period","parking_space")
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"units_total" integer DEFAULT 0 NOT NULL,
	"units_done" integer DEFAULT 0 NOT NULL,
	"bills_created" integer DEFAULT 0 NOT NULL,
	"lines_created" integer DEFAULT 0 NOT NULL,
	"amount_created" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_by_id" bigint,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"building_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"period" text NOT NULL,
	"billing_run_id" bigint,
	"due_date" date NOT NULL,
	"billed_amount" integer DEFAULT 0 NOT NULL,
	"adjusted_amount" integer DEFAULT 0 NOT NULL,
	"paid_amount" integer DEFAULT 0 NOT NULL,
	"balance" integer GENERATED ALWAYS AS (billed_amount + adjusted_amount - paid_amount) STORED NOT NULL,
	"disputed" boolean DEFAULT false NOT NULL,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bills_unit_period_uq" UNIQUE("unit_id","period")
);
--> statement-breakpoint
CREATE TABLE "fee_item_units" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_item_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" bigint NOT NULL,
	"fee_item_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"parking_space" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_item_units_uq" UNIQUE("fee_item_id","unit_id","parking_space")
);
--> statement-breakpoint
CREATE TABLE "fee_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fee_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"payer" text DEFAULT 'unit' NOT NULL,
	"formula" text NOT NULL,
	"area_basis" text DEFAULT 'building' NOT NULL,
	"unit_price" integer,
	"fixed_amount" integer,
	"tiers" jsonb,
	"rounding" text DEFAULT 'fen' NOT NULL,
	"start_date" date NOT NULL,
	"due_days" integer DEFAULT 30 NOT NULL,
	"late_fee_rate" integer DEFAULT 0 NOT NULL,
	"late_fee_grace_days" integer DEFAULT 0 NOT NULL,
	"late_fee_cap_percent" integer DEFAULT 0 NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meter_readings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" bigint NOT NULL,
	"fee_item_id" bigint NOT NULL,
	"unit_id" bigint,
	"period" text NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"previous_value" numeric(14, 2),
	"meter_change" boolean DEFAULT false NOT NULL,
	"photo_upload_id" bigint,
	"source" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"read_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_readings_period_uq" UNIQUE NULLS NOT DISTINCT("fee_item_id","unit_id","period")
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "inner_area_m2" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "bill_adjustments" ADD CONSTRAINT "bill_adjustments_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_item_units" ADD CONSTRAINT "fee_item_units_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_item_units" ADD CONSTRAINT "fee_item_units_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_item_units" ADD CONSTRAINT "fee_item_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_items" ADD CONSTRAINT "fee_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bill_adjustments_bill_idx" ON "bill_adjustments" USING btree ("bill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bill_adjustments_late_fee_uq" ON "bill_adjustments" USING btree ("bill_id","late_fee_day") WHERE kind = 'late_fee';--> statement-breakpoint
CREATE INDEX "bill_adjustments_pending_idx" ON "bill_adjustments" USING btree ("project_id","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "bill_lines_bill_idx" ON "bill_lines" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "bill_lines_fee_item_idx" ON "bill_lines" USING btree ("fee_item_id","period");--> statement-breakpoint
CREATE INDEX "billing_runs_project_idx" ON "billing_runs" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "bills_project_period_idx" ON "bills" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "bills_open_idx" ON "bills" USING btree ("project_id","building_id","due_date") WHERE balance > 0;--> statement-breakpoint
CREATE INDEX "fee_item_units_unit_idx" ON "fee_item_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_items_project_code_uq" ON "fee_items" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "meter_readings_unit_idx" ON "meter_readings" USING btree ("unit_id","fee_item_id","period");--> statement-breakpoint
-- Hand-written (issues 15 and 16): companies seeded before these permissions existed get them on their
-- built-in roles, as a new company would, and the built-in 收费员 role. Custom roles are left alone.
UPDATE "roles" r SET "permissions" = ARRAY(SELECT DISTINCT unnest(r."permissions" || x.add)), "version" = r."version" + 1, "updated_at" = now()
  FROM (VALUES
    ('admin', ARRAY['billing.read','billing.cashier','billing.finance','billing.collect','assets.read','assets.write','inspections.execute']),
    ('project_manager', ARRAY['billing.read','billing.finance','billing.collect','assets.read']),
    ('cs_supervisor', ARRAY['billing.read','billing.collect','assets.read']),
    ('cs_lead', ARRAY['billing.read','billing.collect']),
    ('agent', ARRAY['billing.read','billing.collect']),
    ('eng_supervisor', ARRAY['assets.read','assets.write','inspections.execute']),
    ('technician', ARRAY['assets.read','inspections.execute']),
    ('security', ARRAY['inspections.execute']),
    ('finance', ARRAY['reports.read','billing.read','billing.cashier','billing.finance'])
  ) AS x(code, add)
 WHERE r."code" = x.code AND r."builtin";
--> statement-breakpoint
INSERT INTO "roles" ("company_id", "code", "name", "permissions", "builtin")
SELECT c."id", x.code, x.name, x.perms, true
  FROM "companies" c
 CROSS JOIN (VALUES
    ('cashier', '收费员', ARRAY['estate.read','residents.read','billing.read','billing.cashier','billing.collect'])
  ) AS x(code, name, perms)
ON CONFLICT ("company_id", "code") DO NOTHING;
