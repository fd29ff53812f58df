CREATE TABLE "report_author_daily" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"day" date NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_author_daily_workspace_id_day_contact_id_pk" PRIMARY KEY("workspace_id","day","contact_id")
);
--> statement-breakpoint
ALTER TABLE "report_author_daily" ADD CONSTRAINT "report_author_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "report_author_daily" ("workspace_id", "contact_id", "day", "n")
SELECT m.workspace_id, m.contact_id, (m.posted_at AT TIME ZONE 'UTC')::date, count(*)::int
FROM "mentions" m WHERE m.contact_id IS NOT NULL GROUP BY 1, 2, 3;
