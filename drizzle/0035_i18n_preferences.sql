ALTER TABLE "staff_accounts" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "default_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "week_start" smallint DEFAULT 1 NOT NULL;