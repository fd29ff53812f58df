ALTER TABLE "community_member_notifications" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "board_address" text DEFAULT 'sie' NOT NULL;--> statement-breakpoint
ALTER TABLE "community_member_notifications" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "community_member_notifications" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "community_members" ADD COLUMN "language" text;