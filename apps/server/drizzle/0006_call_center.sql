CREATE TABLE "ivr_flows" (
	"project_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"flow" jsonb NOT NULL,
	"updated_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ivr_sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ivr_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" bigint NOT NULL,
	"call_id" text NOT NULL,
	"from_number" text NOT NULL,
	"state" jsonb NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"steps" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_article_versions" (
	"article_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"tags" text[] NOT NULL,
	"visibility" text NOT NULL,
	"edited_by_id" bigint,
	"edited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_article_versions_article_id_version_pk" PRIMARY KEY("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kb_articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint,
	"category" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"search_text" text NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"helpful_yes" integer DEFAULT 0 NOT NULL,
	"helpful_no" integer DEFAULT 0 NOT NULL,
	"created_by_id" bigint,
	"updated_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_votes" (
	"article_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"helpful" boolean NOT NULL,
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_votes_article_id_user_id_pk" PRIMARY KEY("article_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "qa_reviews" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qa_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" bigint NOT NULL,
	"agent_id" bigint NOT NULL,
	"subject_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT '待评分' NOT NULL,
	"deductions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer,
	"comment" text,
	"reviewer_id" bigint,
	"scored_at" timestamp with time zone,
	"appeal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telephony_extensions" (
	"company_id" bigint NOT NULL,
	"extension" text NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telephony_extensions_company_id_extension_pk" PRIMARY KEY("company_id","extension")
);
--> statement-breakpoint
CREATE TABLE "agent_presence" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"since" timestamp with time zone NOT NULL,
	"idle_since" timestamp with time zone,
	"current_call_id" bigint,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telephony_blocked_numbers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "telephony_blocked_numbers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" bigint NOT NULL,
	"e164" text NOT NULL,
	"reason" text,
	"created_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_events" (
	"call_id" bigint NOT NULL,
	"event" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "call_events_call_id_event_pk" PRIMARY KEY("call_id","event")
);
--> statement-breakpoint
CREATE TABLE "call_queues" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_queues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"strategy" text DEFAULT 'longest-idle' NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"member_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"last_assigned_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_tickets" (
	"call_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_tickets_call_id_ticket_id_pk" PRIMARY KEY("call_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"external_id" text NOT NULL,
	"direction" text NOT NULL,
	"state" text NOT NULL,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"party_e164" text,
	"agent_extension" text,
	"agent_id" bigint,
	"queue" text,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"wait_seconds" integer,
	"talk_seconds" integer,
	"recording_url" text,
	"cause" text,
	"callback_state" text,
	"callback_due_at" timestamp with time zone,
	"called_back_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telephony_configs" (
	"project_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"token_hash" text,
	"dial_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ivr_flows" ADD CONSTRAINT "ivr_flows_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_versions" ADD CONSTRAINT "kb_article_versions_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_votes" ADD CONSTRAINT "kb_votes_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_reviews" ADD CONSTRAINT "qa_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telephony_blocked_numbers" ADD CONSTRAINT "telephony_blocked_numbers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_queues" ADD CONSTRAINT "call_queues_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tickets" ADD CONSTRAINT "call_tickets_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tickets" ADD CONSTRAINT "call_tickets_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telephony_configs" ADD CONSTRAINT "telephony_configs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ivr_sessions_project_call_uq" ON "ivr_sessions" USING btree ("project_id","call_id");--> statement-breakpoint
CREATE INDEX "kb_articles_company_idx" ON "kb_articles" USING btree ("company_id","project_id","id");--> statement-breakpoint
CREATE INDEX "kb_articles_bigram_idx" ON "kb_articles" USING gin (guanjia_bigrams("search_text"));--> statement-breakpoint
CREATE UNIQUE INDEX "qa_reviews_subject_uq" ON "qa_reviews" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "qa_reviews_project_agent_idx" ON "qa_reviews" USING btree ("project_id","agent_id","subject_at");--> statement-breakpoint
CREATE UNIQUE INDEX "telephony_extensions_user_uq" ON "telephony_extensions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "agent_presence_company_state_idx" ON "agent_presence" USING btree ("company_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "telephony_blocked_project_e164_uq" ON "telephony_blocked_numbers" USING btree ("project_id","e164");--> statement-breakpoint
CREATE UNIQUE INDEX "call_queues_project_name_uq" ON "call_queues" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "call_tickets_ticket_idx" ON "call_tickets" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_project_external_uq" ON "calls" USING btree ("project_id","external_id");--> statement-breakpoint
CREATE INDEX "calls_project_started_idx" ON "calls" USING btree ("project_id","started_at","id");--> statement-breakpoint
CREATE INDEX "calls_party_idx" ON "calls" USING btree ("party_e164","started_at");--> statement-breakpoint
CREATE INDEX "calls_callback_idx" ON "calls" USING btree ("project_id","callback_state","started_at") WHERE "calls"."callback_state" = 'pending';--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "telephony_configs_token_uq" ON "telephony_configs" USING btree ("token_hash");--> statement-breakpoint
-- Builtin roles of companies created before issue 4 receive the new call-center permissions of DEFAULT_ROLES.
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['calls.read', 'calls.handle', 'telephony.manage']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('admin', 'project_manager', 'cs_supervisor');--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['calls.read', 'calls.handle']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('cs_lead', 'agent');--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['calls.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" = 'qa';
--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['kb.read', 'kb.write']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('admin', 'cs_supervisor', 'expert');--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['kb.read']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('project_manager', 'cs_lead', 'agent', 'qa');
--> statement-breakpoint
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['qa.review']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('admin', 'cs_supervisor', 'qa');
