ALTER TABLE "mentions" ADD COLUMN "place_id" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "place_name" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "place_topics" jsonb DEFAULT '{}'::jsonb NOT NULL;