CREATE TYPE "public"."candidate_gender" AS ENUM('male', 'female', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."education_level" AS ENUM('none', 'primary', 'secondary', 'lower_vocational', 'secondary_vocational', 'higher', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."municipal_linkage" AS ENUM('yes', 'yes_unknown_which', 'no', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."not_started_reason" AS ENUM('did_not_turn_up', 'declined_job');--> statement-breakpoint
CREATE TYPE "public"."stop_reason" AS ENUM('temporary_job_ended', 'twenty_four_week_rule', 'stopped_themselves', 'dismissed', 'relocated', 'other');--> statement-breakpoint
CREATE TYPE "public"."approach_outcome" AS ENUM('no_answer', 'not_interested', 'interested', 'registered', 'placed');--> statement-breakpoint
CREATE TABLE "employer_approaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"approached_on" date NOT NULL,
	"outcome" "approach_outcome" DEFAULT 'no_answer' NOT NULL,
	"employer_organisation_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_group_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"reception_location_id" uuid NOT NULL,
	"reference_date" date NOT NULL,
	"residents" integer,
	"status_holders" integer NOT NULL,
	"asylum_seekers" integer NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ALTER COLUMN "first_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ALTER COLUMN "languages" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "skills" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "reception_location_id" uuid;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "residence_status" "residence_status" DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "gender" "candidate_gender" DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "education_level" "education_level" DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "english_level" "language_level";--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "dutch_level" "language_level";--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "municipal_linkage" "municipal_linkage" DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "linked_municipality" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "intake_date" date;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "hours_wanted" integer;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "moved_out_on" date;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "consent_purpose" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "consent_given_on" date;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "consent_recorded_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "consent_withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "matched_on" date DEFAULT current_date NOT NULL;--> statement-breakpoint
UPDATE "hires" SET "matched_on" = ("created_at" at time zone 'Europe/Amsterdam')::date;--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "stop_reason" "stop_reason";--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "not_started_on" date;--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "not_started_reason" "not_started_reason";--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "outcome_note" text;--> statement-breakpoint
ALTER TABLE "hires" ADD COLUMN "import_key" text;--> statement-breakpoint
ALTER TABLE "employer_approaches" ADD CONSTRAINT "employer_approaches_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_approaches" ADD CONSTRAINT "employer_approaches_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_group_counts" ADD CONSTRAINT "target_group_counts_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_group_counts" ADD CONSTRAINT "target_group_counts_reception_location_id_reception_locations_id_fk" FOREIGN KEY ("reception_location_id") REFERENCES "public"."reception_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_group_counts" ADD CONSTRAINT "target_group_counts_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_approaches_intermediary_idx" ON "employer_approaches" USING btree ("intermediary_organisation_id","approached_on");--> statement-breakpoint
CREATE UNIQUE INDEX "target_group_counts_key" ON "target_group_counts" USING btree ("intermediary_organisation_id","reception_location_id","reference_date");--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_reception_location_id_reception_locations_id_fk" FOREIGN KEY ("reception_location_id") REFERENCES "public"."reception_locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_consent_recorded_by_user_id_users_id_fk" FOREIGN KEY ("consent_recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hires_candidate_idx" ON "hires" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hires_import_key" ON "hires" USING btree ("candidate_id","import_key");--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_stopped_after_start" CHECK ("hires"."ended_on" is null or ("hires"."first_working_day" is not null and "hires"."ended_on" >= "hires"."first_working_day" and "hires"."stop_reason" is not null));--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_not_started_never_worked" CHECK ("hires"."not_started_on" is null or ("hires"."first_working_day" is null and "hires"."not_started_reason" is not null));