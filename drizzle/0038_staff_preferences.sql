ALTER TABLE "staff_accounts" ADD COLUMN "keyboard_shortcuts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_accounts" ADD COLUMN "after_triage" text DEFAULT 'next' NOT NULL;