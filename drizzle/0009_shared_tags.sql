CREATE TABLE "tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tags_name_key" ON "tags" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
INSERT INTO "tags" ("workspace_id", "name") SELECT DISTINCT ON ("workspace_id", lower(t)) "workspace_id", t FROM (SELECT "workspace_id", unnest("tags") AS t FROM "contacts" UNION ALL SELECT "workspace_id", unnest("tags") FROM "conversations") x WHERE t <> '' ORDER BY "workspace_id", lower(t), t ON CONFLICT DO NOTHING;