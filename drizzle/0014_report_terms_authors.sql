CREATE TABLE "report_author_daily" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"day" date NOT NULL,
	"topic_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"platform" text NOT NULL,
	"language" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_author_daily_workspace_id_topic_id_day_contact_id_channel_platform_language_pk" PRIMARY KEY("workspace_id","topic_id","day","contact_id","channel","platform","language")
);
--> statement-breakpoint
CREATE TABLE "report_terms_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"topic_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"platform" text NOT NULL,
	"language" text NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"label" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_terms_daily_workspace_id_topic_id_day_kind_term_label_channel_platform_language_pk" PRIMARY KEY("workspace_id","topic_id","day","kind","term","label","channel","platform","language")
);
--> statement-breakpoint
ALTER TABLE "report_author_daily" ADD CONSTRAINT "report_author_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_terms_daily" ADD CONSTRAINT "report_terms_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "report_terms_daily" ("workspace_id", "topic_id", "day", "channel", "platform", "language", "kind", "term", "label", "n")
SELECT m.workspace_id, tp.topic_id, (m.posted_at AT TIME ZONE 'UTC')::date,
  CASE WHEN m.platform <> 'community' THEN 'mentions' WHEN m.external_id LIKE 'review:%' THEN 'reviews' ELSE 'community' END,
  m.platform, coalesce(m.language, ''), t.kind, t.term, t.label, count(*)::int
FROM "mentions" m
CROSS JOIN LATERAL (SELECT '00000000-0000-0000-0000-000000000000'::uuid AS topic_id UNION SELECT unnest(m.topic_ids)) AS tp
CROSS JOIN LATERAL (
  SELECT 'term'::text AS kind, k AS term, coalesce(m.sentiment_override, m.sentiment_label, 'unscored') AS label FROM unnest(m.key_terms) AS k
  UNION
  SELECT 'hashtag', lower(h[1]), coalesce(m.sentiment_override, m.sentiment_label, 'unscored') FROM regexp_matches(m.text, '#([A-Za-z0-9_]+)', 'g') AS h
  UNION
  SELECT 'aspect', a->>'term', a->>'sentiment' FROM jsonb_array_elements(m.aspects) AS a
) t GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
INSERT INTO "report_author_daily" ("workspace_id", "topic_id", "contact_id", "day", "channel", "platform", "language", "n")
SELECT m.workspace_id, tp.topic_id, m.contact_id, (m.posted_at AT TIME ZONE 'UTC')::date,
  CASE WHEN m.platform <> 'community' THEN 'mentions' WHEN m.external_id LIKE 'review:%' THEN 'reviews' ELSE 'community' END,
  m.platform, coalesce(m.language, ''), count(*)::int
FROM "mentions" m
CROSS JOIN LATERAL (SELECT '00000000-0000-0000-0000-000000000000'::uuid AS topic_id UNION SELECT unnest(m.topic_ids)) AS tp
WHERE m.contact_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
