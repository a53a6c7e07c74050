CREATE TYPE "public"."indicator_direction" AS ENUM('increase', 'decrease');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('percentInSet', 'percentSelecting', 'mean', 'median', 'count', 'scaleScore');--> statement-breakpoint
CREATE TYPE "public"."indicator_source" AS ENUM('survey', 'manual');--> statement-breakpoint
CREATE TYPE "public"."logframe_level" AS ENUM('goal', 'outcome', 'output', 'activity');--> statement-breakpoint
CREATE TYPE "public"."period_kind" AS ENUM('monthly', 'quarterly', 'custom');--> statement-breakpoint
CREATE TABLE "indicator_surveys" (
	"indicator_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	CONSTRAINT "indicator_surveys_indicator_id_survey_id_pk" PRIMARY KEY("indicator_id","survey_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"code" text NOT NULL,
	"statement" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"direction" "indicator_direction" DEFAULT 'increase' NOT NULL,
	"baseline_value" double precision,
	"baseline_date" date,
	"target" double precision,
	"milestones" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"disaggregations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"means_of_verification" text DEFAULT '' NOT NULL,
	"source" "indicator_source" DEFAULT 'survey' NOT NULL,
	"rule" jsonb,
	"library_id" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logframe_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"parent_id" uuid,
	"level" "logframe_level" NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"narrative" text NOT NULL,
	"assumptions" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_manual_values" (
	"indicator_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"value" double precision NOT NULL,
	"n" integer,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_manual_values_indicator_id_period_key_pk" PRIMARY KEY("indicator_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "programme_donors" (
	"programme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "programme_donors_programme_id_user_id_pk" PRIMARY KEY("programme_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"icat_tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"period_kind" "period_kind" DEFAULT 'quarterly' NOT NULL,
	"custom_periods" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"level_labels" jsonb,
	"at_risk" double precision DEFAULT 0.1 NOT NULL,
	"off_track" double precision DEFAULT 0.25 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_period_order" CHECK ("programmes"."starts_on" <= "programmes"."ends_on"),
	CONSTRAINT "programmes_thresholds" CHECK (0 <= "programmes"."at_risk" and "programmes"."at_risk" <= "programmes"."off_track")
);
--> statement-breakpoint
DROP INDEX "responses_survey_idx";--> statement-breakpoint
ALTER TABLE "indicator_surveys" ADD CONSTRAINT "indicator_surveys_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_surveys" ADD CONSTRAINT "indicator_surveys_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_node_id_logframe_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."logframe_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logframe_nodes" ADD CONSTRAINT "logframe_nodes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logframe_nodes" ADD CONSTRAINT "logframe_nodes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logframe_nodes" ADD CONSTRAINT "logframe_nodes_parent_id_logframe_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."logframe_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_manual_values" ADD CONSTRAINT "indicator_manual_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_manual_values" ADD CONSTRAINT "indicator_manual_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_donors" ADD CONSTRAINT "programme_donors_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_donors" ADD CONSTRAINT "programme_donors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_surveys_survey_idx" ON "indicator_surveys" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "indicators_programme_idx" ON "indicators" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "indicators_node_idx" ON "indicators" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "logframe_nodes_programme_idx" ON "logframe_nodes" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programmes_org_idx" ON "programmes" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "responses_survey_idx" ON "responses" USING btree ("survey_id","submitted_on","id");