ALTER TABLE "identities" ADD COLUMN "bio_emails" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "identities_bio_emails_idx" ON "identities" USING gin ("bio_emails");--> statement-breakpoint
-- Accounts seen before: their bios' emails, as contacts/evidence.ts emailsIn() reads them.
UPDATE "identities" SET "bio_emails" = ARRAY(
  SELECT DISTINCT lower(m[1]) FROM regexp_matches("bio", '[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}', 'gi') AS m
) WHERE "bio" LIKE '%@%';
