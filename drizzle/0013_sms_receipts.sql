CREATE TABLE "sms_receipts" (
	"id" text PRIMARY KEY NOT NULL,
	"reply" jsonb NOT NULL,
	"until" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sms_receipts_until_idx" ON "sms_receipts" USING btree ("until");