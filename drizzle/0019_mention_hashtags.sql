ALTER TABLE "mentions" ADD COLUMN "hashtags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Mentions stored before: their hashtags by the rule the rollups used so far (ASCII), so report counts
-- stay as they were until `npm run cli -- reanalyze` (analyzer version 3) rewrites them by the Unicode rule.
UPDATE "mentions" SET "hashtags" = coalesce((select array_agg(distinct lower(h[1])) from regexp_matches("text", '#([A-Za-z0-9_]+)', 'g') as h), '{}'::text[]) WHERE "text" LIKE '%#%';
