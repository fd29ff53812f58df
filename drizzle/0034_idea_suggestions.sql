ALTER TABLE "mentions" ADD COLUMN "suggests_idea" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "mentions_idea_suggestions_idx" ON "mentions" USING btree ("workspace_id","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "mentions"."suggests_idea" or "mentions"."intents_override" is not null;
