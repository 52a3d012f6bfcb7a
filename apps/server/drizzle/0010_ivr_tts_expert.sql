CREATE TABLE "kb_questions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kb_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"ticket_id" bigint,
	"caller_phone" text,
	"question" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"asked_by_id" bigint NOT NULL,
	"answer" text,
	"answered_by_id" bigint,
	"answered_at" timestamp with time zone,
	"article_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
DROP INDEX "kb_articles_bigram_idx";--> statement-breakpoint
ALTER TABLE "ivr_sessions" ADD COLUMN "lock_owner" uuid;--> statement-breakpoint
ALTER TABLE "ivr_sessions" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (guanjia_bigrams(search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "title_bigrams" text[] GENERATED ALWAYS AS (guanjia_bigrams(lower(title))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_questions" ADD CONSTRAINT "kb_questions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_questions" ADD CONSTRAINT "kb_questions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_questions" ADD CONSTRAINT "kb_questions_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_questions_queue_idx" ON "kb_questions" USING btree ("company_id","status","id");--> statement-breakpoint
CREATE INDEX "kb_questions_ticket_idx" ON "kb_questions" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "kb_questions_asker_idx" ON "kb_questions" USING btree ("asked_by_id","id");--> statement-breakpoint
CREATE INDEX "kb_articles_bigrams_idx" ON "kb_articles" USING gin ("search_bigrams");--> statement-breakpoint
-- hand-written below
-- 专家席: the built-in expert and service-supervisor roles (and admin) answer expert questions.
UPDATE "roles" SET "permissions" = ARRAY(SELECT DISTINCT unnest("permissions" || ARRAY['kb.expert']::text[]) ORDER BY 1) WHERE "builtin" AND "code" IN ('admin', 'cs_supervisor', 'expert');
