CREATE TYPE "public"."policy_status" AS ENUM('in_force', 'announced', 'struck_down');--> statement-breakpoint
CREATE TYPE "public"."residence_status" AS ENUM('asylum_seeker', 'status_holder', 'unknown');--> statement-breakpoint
CREATE TABLE "hire_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hire_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"done_on" date NOT NULL,
	"recorded_by_user_id" uuid,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"seat_id" uuid,
	"residence_status" "residence_status" DEFAULT 'unknown' NOT NULL,
	"is_adult" boolean,
	"asylum_application_date" date,
	"w_document_valid_until" date,
	"dublin_claimant" boolean,
	"medical_residence_ground" boolean,
	"has_bsn" boolean,
	"first_working_day" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text NOT NULL,
	"body_nl" text NOT NULL,
	"body_en" text NOT NULL,
	"source" text NOT NULL,
	"effective_from" date,
	"effective_to" date,
	"reviewed_on" date NOT NULL,
	"status" "policy_status" DEFAULT 'in_force' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hire_steps" ADD CONSTRAINT "hire_steps_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hire_steps" ADD CONSTRAINT "hire_steps_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_seat_id_speeddate_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."speeddate_seats"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hire_steps_key" ON "hire_steps" USING btree ("hire_id","step_key");--> statement-breakpoint
CREATE INDEX "hires_organisation_idx" ON "hires" USING btree ("organisation_id","created_at");