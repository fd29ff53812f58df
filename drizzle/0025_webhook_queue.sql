ALTER TABLE "report_alerts" ADD COLUMN "webhook_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_alerts" ADD COLUMN "webhook_lease_token" text;--> statement-breakpoint
ALTER TABLE "report_alerts" ADD COLUMN "webhook_lease_holder" text;--> statement-breakpoint
ALTER TABLE "report_alerts" ADD COLUMN "webhook_next_attempt_at" timestamp with time zone;