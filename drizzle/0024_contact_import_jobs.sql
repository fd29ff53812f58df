ALTER TABLE "contact_imports" ADD COLUMN "content" text;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD COLUMN "lease_token" text;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD COLUMN "lease_holder" text;--> statement-breakpoint
ALTER TABLE "contact_imports" DROP COLUMN "updated_at";--> statement-breakpoint
-- Imports waiting or running before the file was kept have nothing to run again from: they end failed,
-- as the page showed them once they stopped moving.
UPDATE "contact_imports" SET "status" = 'failed', "finished_at" = now(), "error" = 'The import stopped before it finished (the server restarted?); nothing was imported. Upload the file again.' WHERE "status" in ('queued', 'running');
