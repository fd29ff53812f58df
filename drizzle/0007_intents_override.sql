ALTER TABLE "mentions" ADD COLUMN "intents_override" text[];--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "intents_override_by" uuid;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "intents_override_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_intents_override_by_users_id_fk" FOREIGN KEY ("intents_override_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;