CREATE TABLE "arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"hire_id" uuid,
	"travel_mode" text,
	"travel_payer" text,
	"travel_amount_cents" integer,
	"travel_amount_unit" text,
	"travel_paid" text,
	"travel_paid_days_after" integer,
	"travel_distance_km" integer,
	"travel_fare_cents_per_day" integer,
	"coach_provider" text,
	"coach_hours_per_week" integer,
	"coach_weeks" integer,
	"coach_contact" text,
	"language_support" text,
	"language_payer" text,
	"trial_kind" text,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrangements_vacancy_key" ON "arrangements" USING btree ("vacancy_id") WHERE hire_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "arrangements_hire_key" ON "arrangements" USING btree ("hire_id") WHERE hire_id is not null;--> statement-breakpoint
CREATE INDEX "arrangements_organisation_idx" ON "arrangements" USING btree ("organisation_id");