CREATE TABLE "report_terms_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"label" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_terms_daily_workspace_id_day_kind_term_label_pk" PRIMARY KEY("workspace_id","day","kind","term","label")
);
--> statement-breakpoint
ALTER TABLE "report_terms_daily" ADD CONSTRAINT "report_terms_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "report_terms_daily" ("workspace_id", "day", "kind", "term", "label", "n")
SELECT m.workspace_id, (m.posted_at AT TIME ZONE 'UTC')::date, t.kind, t.term, t.label, count(*)::int
FROM "mentions" m CROSS JOIN LATERAL (
  SELECT 'term'::text AS kind, k AS term, coalesce(m.sentiment_override, m.sentiment_label, 'unscored') AS label FROM unnest(m.key_terms) AS k
  UNION
  SELECT 'hashtag', lower(h[1]), coalesce(m.sentiment_override, m.sentiment_label, 'unscored') FROM regexp_matches(m.text, '#([A-Za-z0-9_]+)', 'g') AS h
  UNION
  SELECT 'aspect', a->>'term', a->>'sentiment' FROM jsonb_array_elements(m.aspects) AS a
) t GROUP BY 1, 2, 3, 4, 5;
