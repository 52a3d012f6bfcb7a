CREATE TABLE "delivery_webhooks" (
	"project_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"url" text,
	"secret" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_channels" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"company_id" bigint NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"mobile" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "user_id" bigint;--> statement-breakpoint
ALTER TABLE "staff_channels" ADD CONSTRAINT "staff_channels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_user_idx" ON "deliveries" USING btree ("user_id","id");