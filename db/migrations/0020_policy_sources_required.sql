-- Rows written before sources were structured keep their free-text source, shown as unverified
-- until the start-up sync replaces an unedited row with its corrected default (decision 014).
UPDATE "policy_rules" SET "sources" = jsonb_build_array(jsonb_build_object('kind', 'secondary', 'title', "source", 'url', null, 'section', null, 'readOn', null, 'verified', false)) WHERE "source" IS NOT NULL AND "sources" = '[]'::jsonb;--> statement-breakpoint
-- A rule an admin already edited keeps the edit: the sync only updates rows nobody edited.
UPDATE "policy_rules" SET "edited_at" = (SELECT max("created_at") FROM "audit_log" WHERE "action" = 'policy_rule.updated' AND "subject_id" = "policy_rules"."key");--> statement-breakpoint
UPDATE "policy_rules" SET "review_by" = ("reviewed_on" + interval '6 months')::date WHERE "review_by" IS NULL;--> statement-breakpoint
ALTER TABLE "policy_rules" ALTER COLUMN "review_by" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_rules" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "policy_rules" DROP COLUMN "source";