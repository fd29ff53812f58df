ALTER TABLE "mentions" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "liked_at" timestamp with time zone;