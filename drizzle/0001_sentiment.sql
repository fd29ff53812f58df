ALTER TABLE "mentions" ADD COLUMN "sentiment_score" real;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "sentiment_label" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "sentiment_override" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "sentiment_override_by" uuid;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "sentiment_override_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "intents" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "aspects" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "key_terms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "analysis_version" integer;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_sentiment_override_by_users_id_fk" FOREIGN KEY ("sentiment_override_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentions_analysis_version_idx" ON "mentions" USING btree ("analysis_version");