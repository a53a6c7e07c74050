CREATE TYPE "public"."sms_outbox_status" AS ENUM('queued', 'sent', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."sms_provider" AS ENUM('twilio');--> statement-breakpoint
CREATE TABLE "sms_channels" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"provider" "sms_provider" DEFAULT 'twilio' NOT NULL,
	"sender_number" text NOT NULL,
	"account_id" text NOT NULL,
	"auth_token_encrypted" text NOT NULL,
	"keyword" text NOT NULL,
	"panic_word" text,
	"expiry_days" integer DEFAULT 3 NOT NULL,
	"reminder_hours" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" text NOT NULL,
	"phone_hash" text NOT NULL,
	"version_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_opt_outs" (
	"org_id" uuid NOT NULL,
	"phone_hash" text NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "sms_opt_outs_org_id_phone_hash_pk" PRIMARY KEY("org_id","phone_hash")
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" text NOT NULL,
	"to_number" text,
	"phone_hash" text NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"status" "sms_outbox_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_channels" ADD CONSTRAINT "sms_channels_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_channels" ADD CONSTRAINT "sms_channels_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_conversations" ADD CONSTRAINT "sms_conversations_channel_id_sms_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."sms_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_conversations" ADD CONSTRAINT "sms_conversations_version_id_survey_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."survey_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_opt_outs" ADD CONSTRAINT "sms_opt_outs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD CONSTRAINT "sms_outbox_channel_id_sms_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."sms_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_channels_org_idx" ON "sms_channels" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_conversations_phone_idx" ON "sms_conversations" USING btree ("channel_id","phone_hash");--> statement-breakpoint
CREATE INDEX "sms_conversations_expiry_idx" ON "sms_conversations" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sms_outbox_due_idx" ON "sms_outbox" USING btree ("status","next_attempt_at");