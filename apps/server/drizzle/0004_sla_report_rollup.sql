CREATE TABLE "sla_report_day_marks" (
	"project_id" bigint NOT NULL,
	"span" text NOT NULL,
	"day" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"computed_version" integer,
	"computed_at" timestamp with time zone,
	CONSTRAINT "sla_report_day_marks_project_id_span_day_pk" PRIMARY KEY("project_id","span","day")
);
--> statement-breakpoint
CREATE TABLE "sla_report_days" (
	"project_id" bigint NOT NULL,
	"span" text NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"total" integer NOT NULL,
	"met" integer NOT NULL,
	"breached" integer NOT NULL,
	"open" integer NOT NULL,
	"callbacks_due" integer NOT NULL,
	"callbacks_on_time" integer NOT NULL,
	"score_sum" bigint NOT NULL,
	"score_count" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"rated" integer NOT NULL,
	"arrive" jsonb NOT NULL,
	"fix" jsonb NOT NULL,
	CONSTRAINT "sla_report_days_project_id_span_day_type_category_pk" PRIMARY KEY("project_id","span","day","type","category")
);
--> statement-breakpoint
CREATE INDEX "tickets_source_idx" ON "tickets" USING btree ("source_ticket_id") WHERE "tickets"."source_ticket_id" is not null;