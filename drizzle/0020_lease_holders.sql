ALTER TABLE "sources" ADD COLUMN "lease_holder" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "lease_token" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "lease_holder" text;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "lease_token" text;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "lease_holder" text;