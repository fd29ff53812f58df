ALTER TABLE "replies" ADD COLUMN "retracted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "retracted_by" uuid;--> statement-breakpoint
ALTER TABLE "replies" ADD CONSTRAINT "replies_retracted_by_users_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;