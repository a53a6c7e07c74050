CREATE TABLE "sms_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"channel_id" text NOT NULL,
	"language" text NOT NULL,
	"number_encrypted" text NOT NULL,
	"phone_hash" text NOT NULL,
	"expires_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_channels" ADD COLUMN "offer_follow_up" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_followups" ADD CONSTRAINT "sms_followups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_followups" ADD CONSTRAINT "sms_followups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_followups" ADD CONSTRAINT "sms_followups_channel_id_sms_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."sms_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_followups_survey_phone_idx" ON "sms_followups" USING btree ("survey_id","phone_hash");--> statement-breakpoint
CREATE INDEX "sms_followups_phone_idx" ON "sms_followups" USING btree ("org_id","phone_hash");--> statement-breakpoint
CREATE INDEX "sms_followups_expiry_idx" ON "sms_followups" USING btree ("expires_on");