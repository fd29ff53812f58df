ALTER TABLE "community_mail" ADD COLUMN "sealed_text" text;--> statement-breakpoint
ALTER TABLE "community_mail" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "community_mail" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_mail" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_mail" ADD COLUMN "lease_token" text;--> statement-breakpoint
ALTER TABLE "community_mail" ADD COLUMN "lease_holder" text;--> statement-breakpoint
CREATE INDEX "community_mail_due_idx" ON "community_mail" USING btree ("next_attempt_at") WHERE status in ('queued', 'sending');--> statement-breakpoint
-- Rows queued before the outbox existed were sent inline or not at all; none is to go out now.
UPDATE "community_mail" SET "status" = 'failed', "error" = 'not sent (queued before the mail outbox)' WHERE "status" = 'queued';
