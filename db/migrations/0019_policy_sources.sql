CREATE TYPE "public"."permit_chance" AS ENUM('high', 'low');--> statement-breakpoint
CREATE TABLE "policy_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"change_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid,
	"hire_id" uuid,
	"effect" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_rule_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_key" text NOT NULL,
	"changed_by_user_id" uuid,
	"fields" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_rules" ALTER COLUMN "source" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "permit_chance" "permit_chance";--> statement-breakpoint
ALTER TABLE "policy_rules" ADD COLUMN "sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_rules" ADD COLUMN "review_by" date;--> statement-breakpoint
ALTER TABLE "policy_rules" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_rules" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "policy_notices" ADD CONSTRAINT "policy_notices_change_id_policy_rule_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."policy_rule_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_notices" ADD CONSTRAINT "policy_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_notices" ADD CONSTRAINT "policy_notices_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_notices" ADD CONSTRAINT "policy_notices_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_rule_changes" ADD CONSTRAINT "policy_rule_changes_rule_key_policy_rules_key_fk" FOREIGN KEY ("rule_key") REFERENCES "public"."policy_rules"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_rule_changes" ADD CONSTRAINT "policy_rule_changes_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_notices_vacancy_idx" ON "policy_notices" USING btree ("vacancy_id","created_at");--> statement-breakpoint
CREATE INDEX "policy_notices_hire_idx" ON "policy_notices" USING btree ("hire_id","created_at");--> statement-breakpoint
CREATE INDEX "policy_rule_changes_rule_idx" ON "policy_rule_changes" USING btree ("rule_key","created_at");