ALTER TABLE "workspaces" ADD COLUMN "sentiment_confidence_threshold" real DEFAULT 0.5 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sentiment_confidence" real;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "sentiment_confidence" real;