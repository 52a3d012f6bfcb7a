CREATE TABLE "analytics_day_counts" (
	"project_id" bigint NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "analytics_day_counts_project_id_metric_day_dim_pk" PRIMARY KEY("project_id","metric","day","dim")
);
--> statement-breakpoint
CREATE TABLE "analytics_rollup_marks" (
	"project_id" bigint PRIMARY KEY NOT NULL,
	"through" date NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decoration_inspections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decoration_inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"decoration_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"day" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"ok" boolean,
	"note" text DEFAULT '' NOT NULL,
	"rectification_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"done_by" bigint,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decoration_workers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decoration_workers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"decoration_id" bigint NOT NULL,
	"name" text NOT NULL,
	"id_number" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"trade" text DEFAULT '' NOT NULL,
	"pass_code" text NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decorations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decorations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"number" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"company" text DEFAULT '' NOT NULL,
	"company_licence" text DEFAULT '' NOT NULL,
	"foreman" text DEFAULT '' NOT NULL,
	"foreman_phone" text DEFAULT '' NOT NULL,
	"scope" text NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"plan_upload_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'applied' NOT NULL,
	"source" text DEFAULT 'desk' NOT NULL,
	"agreement_signed_at" timestamp with time zone,
	"agreement_signed_by" text,
	"deposit_fen" integer DEFAULT 0 NOT NULL,
	"deposit_method" text,
	"deposit_paid_at" timestamp with time zone,
	"deposit_refunded_at" timestamp with time zone,
	"seepage_test_at" timestamp with time zone,
	"seepage_passed" boolean,
	"seepage_owner_signed" boolean,
	"seepage_note" text DEFAULT '' NOT NULL,
	"water_test_started_at" timestamp with time zone,
	"water_test_ended_at" timestamp with time zone,
	"water_test_result" text,
	"water_test_note" text DEFAULT '' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "facilities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"open_from" text NOT NULL,
	"open_to" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"min_slots" integer DEFAULT 1 NOT NULL,
	"max_slots" integer DEFAULT 4 NOT NULL,
	"book_lead_minutes" integer DEFAULT 0 NOT NULL,
	"change_lead_minutes" integer DEFAULT 60 NOT NULL,
	"cancel_lead_minutes" integer DEFAULT 60 NOT NULL,
	"advance_days" integer DEFAULT 7 NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"weekly_quota" integer DEFAULT 0 NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"fee_per_slot_fen" integer DEFAULT 0 NOT NULL,
	"no_show_grace_minutes" integer DEFAULT 15 NOT NULL,
	"offer_minutes" integer DEFAULT 30 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_bookings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "facility_bookings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"facility_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"resident_id" bigint,
	"source" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"people" integer DEFAULT 1 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"lane" integer DEFAULT 0 NOT NULL,
	"fee_fen" integer DEFAULT 0 NOT NULL,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_slot_claims" (
	"facility_id" bigint NOT NULL,
	"slot_at" timestamp with time zone NOT NULL,
	"lane" integer NOT NULL,
	"booking_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_waitlist" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "facility_waitlist_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"facility_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"resident_id" bigint,
	"contact_phone" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"booking_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "desk_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"register" text NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"source" text DEFAULT 'desk' NOT NULL,
	"unit_id" bigint,
	"resident_id" bigint,
	"name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"item_id" bigint,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"uses_allowed" integer,
	"uses_count" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "desk_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"register" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"unit_id" bigint,
	"location" text DEFAULT '' NOT NULL,
	"status" text DEFAULT '在库' NOT NULL,
	"agreement_upload_id" bigint,
	"note" text DEFAULT '' NOT NULL,
	"open_entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "move_in_defects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "move_in_defects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"move_in_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"location" text NOT NULL,
	"description" text NOT NULL,
	"rectification_id" bigint NOT NULL,
	"long" boolean DEFAULT false NOT NULL,
	"fixed_at" timestamp with time zone,
	"reply_due_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"last_progress_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "move_ins" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "move_ins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"owner_name" text NOT NULL,
	"owner_phone" text NOT NULL,
	"delegate_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_campaigns" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"template_id" bigint NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"sections" jsonb NOT NULL,
	"channels" text[] NOT NULL,
	"zone_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"building_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"zone_id" bigint,
	"token" text NOT NULL,
	"reminders" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"channel" text,
	"resident_id" bigint,
	"staff_id" bigint,
	"call_id" bigint,
	"overall_satisfied" boolean,
	"answers" jsonb
);
--> statement-breakpoint
CREATE TABLE "survey_tallies" (
	"campaign_id" bigint NOT NULL,
	"zone_id" bigint NOT NULL,
	"dimension" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"by_channel" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_templates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint,
	"name" text NOT NULL,
	"description" text,
	"sections" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_similar_links" (
	"ticket_id" bigint NOT NULL,
	"other_ticket_id" bigint NOT NULL,
	"company_id" bigint NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_similar_links_ticket_id_other_ticket_id_pk" PRIMARY KEY("ticket_id","other_ticket_id")
);
--> statement-breakpoint
CREATE TABLE "ticket_triage" (
	"ticket_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"model_id" bigint,
	"source" text NOT NULL,
	"suggestion" jsonb NOT NULL,
	"suggested_type" text NOT NULL,
	"suggested_urgency" text NOT NULL,
	"suggested_category_id" bigint,
	"auto_urgent" boolean DEFAULT false NOT NULL,
	"corrected" boolean DEFAULT false NOT NULL,
	"corrected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_models" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "triage_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"engine" text NOT NULL,
	"model" jsonb NOT NULL,
	"training_texts" integer NOT NULL,
	"corrected_tickets" integer DEFAULT 0 NOT NULL,
	"metrics" jsonb,
	"train_ms" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_phrases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "triage_phrases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"phrase" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_campaigns" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "care_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"method" text DEFAULT '上门' NOT NULL,
	"enter_home" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_key" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_on" date NOT NULL,
	"due_on" date,
	"visitor_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"appointment_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by" bigint,
	"opinions" text,
	"note" text,
	"follow_up_ticket_id" bigint,
	"retry_of_id" bigint,
	"care_campaign_id" bigint,
	"attempt" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_zones" (
	"user_id" bigint NOT NULL,
	"zone_id" bigint NOT NULL,
	CONSTRAINT "user_zones_user_id_zone_id_pk" PRIMARY KEY("user_id","zone_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"inspection_id" bigint NOT NULL,
	"item_key" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"month" text,
	"note" text NOT NULL,
	"location" text,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"nc_type" text,
	"subject_user_id" bigint,
	"department_id" bigint,
	"owner_id" bigint,
	"deadline" timestamp with time zone,
	"rectification_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"title" text NOT NULL,
	"sheet_code" text NOT NULL,
	"inspector_id" bigint NOT NULL,
	"department_id" bigint,
	"zone_id" bigint,
	"area" text DEFAULT '' NOT NULL,
	"recurrence" text NOT NULL,
	"weekday" integer,
	"time" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"sheet_id" bigint NOT NULL,
	"plan_id" bigint,
	"planned_date" date,
	"mode" text NOT NULL,
	"state" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"inspector_id" bigint NOT NULL,
	"department_id" bigint,
	"zone_id" bigint,
	"area" text DEFAULT '' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"sampled_months" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"not_applicable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scores" jsonb,
	"total" double precision,
	"percent" double precision,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_campaign_units" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quality_campaign_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" bigint NOT NULL,
	"department_id" bigint NOT NULL,
	"manager_id" bigint,
	"supervisor_id" bigint,
	"lead_id" bigint,
	"inspection_id" bigint,
	"score" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_campaigns" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quality_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"title" text NOT NULL,
	"phases" jsonb NOT NULL,
	"owner_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_sheets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "score_sheets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"scope" text NOT NULL,
	"project_id" bigint,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sheet_version" integer NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"parent_id" bigint,
	"sections" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decoration_inspections" ADD CONSTRAINT "decoration_inspections_decoration_id_decorations_id_fk" FOREIGN KEY ("decoration_id") REFERENCES "public"."decorations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decoration_inspections" ADD CONSTRAINT "decoration_inspections_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decoration_workers" ADD CONSTRAINT "decoration_workers_decoration_id_decorations_id_fk" FOREIGN KEY ("decoration_id") REFERENCES "public"."decorations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decorations" ADD CONSTRAINT "decorations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decorations" ADD CONSTRAINT "decorations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decorations" ADD CONSTRAINT "decorations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_bookings" ADD CONSTRAINT "facility_bookings_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_bookings" ADD CONSTRAINT "facility_bookings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_slot_claims" ADD CONSTRAINT "facility_slot_claims_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_slot_claims" ADD CONSTRAINT "facility_slot_claims_booking_id_facility_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."facility_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_waitlist" ADD CONSTRAINT "facility_waitlist_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_waitlist" ADD CONSTRAINT "facility_waitlist_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_in_defects" ADD CONSTRAINT "move_in_defects_move_in_id_move_ins_id_fk" FOREIGN KEY ("move_in_id") REFERENCES "public"."move_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_in_defects" ADD CONSTRAINT "move_in_defects_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_ins" ADD CONSTRAINT "move_ins_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_ins" ADD CONSTRAINT "move_ins_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_ins" ADD CONSTRAINT "move_ins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_template_id_survey_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."survey_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_similar_links" ADD CONSTRAINT "ticket_similar_links_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_similar_links" ADD CONSTRAINT "ticket_similar_links_other_ticket_id_tickets_id_fk" FOREIGN KEY ("other_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_triage" ADD CONSTRAINT "ticket_triage_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_triage" ADD CONSTRAINT "ticket_triage_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_triage" ADD CONSTRAINT "ticket_triage_model_id_triage_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."triage_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_models" ADD CONSTRAINT "triage_models_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_phrases" ADD CONSTRAINT "triage_phrases_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_care_campaign_id_care_campaigns_id_fk" FOREIGN KEY ("care_campaign_id") REFERENCES "public"."care_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_zones" ADD CONSTRAINT "user_zones_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_zones" ADD CONSTRAINT "user_zones_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_sheet_id_score_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaign_units" ADD CONSTRAINT "quality_campaign_units_campaign_id_quality_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."quality_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaign_units" ADD CONSTRAINT "quality_campaign_units_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaign_units" ADD CONSTRAINT "quality_campaign_units_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaign_units" ADD CONSTRAINT "quality_campaign_units_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaign_units" ADD CONSTRAINT "quality_campaign_units_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaign_units" ADD CONSTRAINT "quality_campaign_units_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaigns" ADD CONSTRAINT "quality_campaigns_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaigns" ADD CONSTRAINT "quality_campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_campaigns" ADD CONSTRAINT "quality_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decoration_inspections_day_uq" ON "decoration_inspections" USING btree ("decoration_id","day");--> statement-breakpoint
CREATE INDEX "decoration_inspections_project_idx" ON "decoration_inspections" USING btree ("project_id","day","state");--> statement-breakpoint
CREATE UNIQUE INDEX "decoration_workers_code_uq" ON "decoration_workers" USING btree ("pass_code");--> statement-breakpoint
CREATE INDEX "decoration_workers_idx" ON "decoration_workers" USING btree ("decoration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decorations_number_uq" ON "decorations" USING btree ("company_id","number");--> statement-breakpoint
CREATE INDEX "decorations_project_state_idx" ON "decorations" USING btree ("project_id","state");--> statement-breakpoint
CREATE INDEX "decorations_unit_idx" ON "decorations" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_project_name_uq" ON "facilities" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "facility_bookings_facility_idx" ON "facility_bookings" USING btree ("facility_id","starts_at");--> statement-breakpoint
CREATE INDEX "facility_bookings_project_idx" ON "facility_bookings" USING btree ("project_id","starts_at");--> statement-breakpoint
CREATE INDEX "facility_bookings_unit_idx" ON "facility_bookings" USING btree ("unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "facility_bookings_state_idx" ON "facility_bookings" USING btree ("state","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_slot_claims_uq" ON "facility_slot_claims" USING btree ("facility_id","slot_at","lane");--> statement-breakpoint
CREATE INDEX "facility_slot_claims_booking_idx" ON "facility_slot_claims" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "facility_waitlist_idx" ON "facility_waitlist" USING btree ("facility_id","state","starts_at");--> statement-breakpoint
CREATE INDEX "facility_waitlist_unit_idx" ON "facility_waitlist" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_entries_code_uq" ON "desk_entries" USING btree ("code");--> statement-breakpoint
CREATE INDEX "desk_entries_list_idx" ON "desk_entries" USING btree ("project_id","register","status","id");--> statement-breakpoint
CREATE INDEX "desk_entries_unit_idx" ON "desk_entries" USING btree ("unit_id","register");--> statement-breakpoint
CREATE INDEX "desk_entries_open_idx" ON "desk_entries" USING btree ("register","status","created_at") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "desk_items_list_idx" ON "desk_items" USING btree ("project_id","register","id");--> statement-breakpoint
CREATE INDEX "move_in_defects_case_idx" ON "move_in_defects" USING btree ("move_in_id");--> statement-breakpoint
CREATE INDEX "move_in_defects_pending_idx" ON "move_in_defects" USING btree ("project_id") WHERE replied_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "move_ins_unit_uq" ON "move_ins" USING btree ("unit_id") WHERE state <> 'cancelled';--> statement-breakpoint
CREATE INDEX "move_ins_project_idx" ON "move_ins" USING btree ("project_id","state");--> statement-breakpoint
CREATE INDEX "survey_campaigns_project_idx" ON "survey_campaigns" USING btree ("project_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_campaign_unit_uq" ON "survey_invitations" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_uq" ON "survey_invitations" USING btree ("token");--> statement-breakpoint
CREATE INDEX "survey_invitations_unit_idx" ON "survey_invitations" USING btree ("unit_id","answered_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_campaign_zone_idx" ON "survey_invitations" USING btree ("campaign_id","zone_id","answered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_tallies_uq" ON "survey_tallies" USING btree ("campaign_id","zone_id","dimension");--> statement-breakpoint
CREATE INDEX "survey_templates_company_idx" ON "survey_templates" USING btree ("company_id","project_id");--> statement-breakpoint
CREATE INDEX "ticket_similar_links_other_idx" ON "ticket_similar_links" USING btree ("other_ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_triage_corrected_idx" ON "ticket_triage" USING btree ("company_id","corrected");--> statement-breakpoint
CREATE INDEX "ticket_triage_created_idx" ON "ticket_triage" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "triage_models_version_uq" ON "triage_models" USING btree ("company_id","version");--> statement-breakpoint
CREATE INDEX "triage_models_active_idx" ON "triage_models" USING btree ("company_id","active");--> statement-breakpoint
CREATE UNIQUE INDEX "triage_phrases_uq" ON "triage_phrases" USING btree ("company_id","phrase");--> statement-breakpoint
CREATE INDEX "care_campaigns_project_idx" ON "care_campaigns" USING btree ("project_id","starts_on");--> statement-breakpoint
CREATE INDEX "visits_project_planned_idx" ON "visits" USING btree ("project_id","planned_on");--> statement-breakpoint
CREATE INDEX "visits_unit_idx" ON "visits" USING btree ("unit_id","done_at");--> statement-breakpoint
CREATE INDEX "visits_care_campaign_idx" ON "visits" USING btree ("care_campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_unit_source_key_uq" ON "visits" USING btree ("unit_id","source_key") WHERE source_key is not null;--> statement-breakpoint
CREATE INDEX "user_zones_zone_idx" ON "user_zones" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_subject_idx" ON "inspection_findings" USING btree ("subject_user_id","created_at");--> statement-breakpoint
CREATE INDEX "inspection_plans_project_idx" ON "inspection_plans" USING btree ("project_id","active");--> statement-breakpoint
CREATE INDEX "inspections_project_idx" ON "inspections" USING btree ("project_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "inspections_inspector_idx" ON "inspections" USING btree ("inspector_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_plan_day_uq" ON "inspections" USING btree ("plan_id","planned_date");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_campaign_units_uq" ON "quality_campaign_units" USING btree ("campaign_id","department_id");--> statement-breakpoint
CREATE INDEX "quality_campaigns_project_idx" ON "quality_campaigns" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "score_sheets_lookup_idx" ON "score_sheets" USING btree ("company_id","code","scope","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheets_current_uq" ON "score_sheets" USING btree ("company_id","code","scope",coalesce("project_id", 0)) WHERE "score_sheets"."current";