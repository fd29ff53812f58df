CREATE TABLE "report_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"platform" text NOT NULL,
	"language" text NOT NULL,
	"label" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_daily_workspace_id_day_channel_platform_language_label_pk" PRIMARY KEY("workspace_id","day","channel","platform","language","label")
);
--> statement-breakpoint
CREATE TABLE "report_topic_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"platform" text NOT NULL,
	"language" text NOT NULL,
	"label" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "report_topic_daily_workspace_id_topic_id_day_channel_platform_language_label_pk" PRIMARY KEY("workspace_id","topic_id","day","channel","platform","language","label")
);
--> statement-breakpoint
ALTER TABLE "report_daily" ADD CONSTRAINT "report_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_topic_daily" ADD CONSTRAINT "report_topic_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "report_daily" ("workspace_id", "day", "channel", "platform", "language", "label", "n")
SELECT m.workspace_id, (m.posted_at AT TIME ZONE 'UTC')::date,
  CASE WHEN m.platform <> 'community' THEN 'mentions' WHEN m.external_id LIKE 'review:%' THEN 'reviews' ELSE 'community' END,
  m.platform, coalesce(m.language, ''), coalesce(m.sentiment_override, m.sentiment_label, 'unscored'), count(*)::int
FROM "mentions" m GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "report_topic_daily" ("workspace_id", "topic_id", "day", "channel", "platform", "language", "label", "n")
SELECT m.workspace_id, t.topic_id, (m.posted_at AT TIME ZONE 'UTC')::date,
  CASE WHEN m.platform <> 'community' THEN 'mentions' WHEN m.external_id LIKE 'review:%' THEN 'reviews' ELSE 'community' END,
  m.platform, coalesce(m.language, ''), coalesce(m.sentiment_override, m.sentiment_label, 'unscored'), count(*)::int
FROM "mentions" m CROSS JOIN LATERAL unnest(m.topic_ids) AS t(topic_id) GROUP BY 1, 2, 3, 4, 5, 6, 7;
