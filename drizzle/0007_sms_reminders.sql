CREATE TABLE "sms_reminders" (
	"channel_id" text NOT NULL,
	"phone_hash" text NOT NULL,
	"number_encrypted" text NOT NULL,
	"language" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sms_reminders_channel_id_phone_hash_pk" PRIMARY KEY("channel_id","phone_hash")
);
--> statement-breakpoint
ALTER TABLE "sms_reminders" ADD CONSTRAINT "sms_reminders_channel_id_sms_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."sms_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_reminders_due_idx" ON "sms_reminders" USING btree ("due_at");