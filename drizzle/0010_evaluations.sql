CREATE TYPE "public"."action_state" AS ENUM('notStarted', 'inProgress', 'done');--> statement-breakpoint
CREATE TYPE "public"."dac_criterion" AS ENUM('relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability');--> statement-breakpoint
CREATE TYPE "public"."response_decision" AS ENUM('accepted', 'partial', 'notAccepted');--> statement-breakpoint
CREATE TYPE "public"."evaluation_kind" AS ENUM('baseline', 'midline', 'endline', 'final', 'adhoc');--> statement-breakpoint
CREATE TYPE "public"."recommendation_priority" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('draft', 'review', 'published');--> statement-breakpoint
CREATE TYPE "public"."evidence_strength" AS ENUM('strong', 'moderate', 'limited');--> statement-breakpoint
CREATE TABLE "coded_answers" (
	"evaluation_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question" text NOT NULL,
	"theme_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"coded_by" uuid,
	"coded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coded_answers_evaluation_id_response_id_question_pk" PRIMARY KEY("evaluation_id","response_id","question")
);
--> statement-breakpoint
CREATE TABLE "evaluation_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"criterion" "dac_criterion" NOT NULL,
	"text" text NOT NULL,
	"node_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"indicator_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_surveys" (
	"evaluation_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	CONSTRAINT "evaluation_surveys_evaluation_id_survey_id_pk" PRIMARY KEY("evaluation_id","survey_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" "evaluation_kind" NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"methodology" text DEFAULT '' NOT NULL,
	"limitations" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_period_order" CHECK ("evaluations"."starts_on" <= "evaluations"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"question_id" uuid,
	"criterion" "dac_criterion" NOT NULL,
	"statement" text NOT NULL,
	"strength" "evidence_strength" NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"priority" "recommendation_priority" DEFAULT 'medium' NOT NULL,
	"addressed_to" text DEFAULT '' NOT NULL,
	"due_on" date,
	"finding_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision" "response_decision",
	"action" text DEFAULT '' NOT NULL,
	"action_owner" text DEFAULT '' NOT NULL,
	"responded_on" date,
	"action_state" "action_state" DEFAULT 'notStarted' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"published_by" uuid,
	"published_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"what_did_not_work" text DEFAULT '' NOT NULL,
	"unintended_effects" text DEFAULT '' NOT NULL,
	"limitations" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_evaluationId_unique" UNIQUE("evaluation_id")
);
--> statement-breakpoint
CREATE TABLE "survey_summaries" (
	"survey_id" uuid NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_summaries_survey_id_language_pk" PRIMARY KEY("survey_id","language")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coded_answers" ADD CONSTRAINT "coded_answers_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coded_answers" ADD CONSTRAINT "coded_answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coded_answers" ADD CONSTRAINT "coded_answers_coded_by_users_id_fk" FOREIGN KEY ("coded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_questions" ADD CONSTRAINT "evaluation_questions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_questions" ADD CONSTRAINT "evaluation_questions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_surveys" ADD CONSTRAINT "evaluation_surveys_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_surveys" ADD CONSTRAINT "evaluation_surveys_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_question_id_evaluation_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."evaluation_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_summaries" ADD CONSTRAINT "survey_summaries_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coded_answers_themes_idx" ON "coded_answers" USING gin ("theme_ids");--> statement-breakpoint
CREATE INDEX "evaluation_questions_evaluation_idx" ON "evaluation_questions" USING btree ("evaluation_id","position");--> statement-breakpoint
CREATE INDEX "evaluations_programme_idx" ON "evaluations" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "findings_evaluation_idx" ON "findings" USING btree ("evaluation_id","position");--> statement-breakpoint
CREATE INDEX "recommendations_evaluation_idx" ON "recommendations" USING btree ("evaluation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "report_revisions_number_idx" ON "report_revisions" USING btree ("report_id","number");--> statement-breakpoint
CREATE INDEX "report_revisions_programme_idx" ON "report_revisions" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "themes_evaluation_idx" ON "themes" USING btree ("evaluation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "themes_name_idx" ON "themes" USING btree ("evaluation_id",lower("name"));