CREATE TYPE "public"."candidate_status_preference" AS ENUM('asylum_seekers_welcome', 'status_holders_only');--> statement-breakpoint
CREATE TYPE "public"."contract_type" AS ENUM('permanent', 'temporary', 'agency', 'on_call');--> statement-breakpoint
CREATE TYPE "public"."language_level" AS ENUM('good', 'reasonable', 'a_little', 'none');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('logistics', 'hospitality', 'cleaning', 'retail', 'production', 'care', 'ict', 'other');--> statement-breakpoint
CREATE TYPE "public"."vacancy_status" AS ENUM('draft', 'submitted', 'returned', 'published', 'filled', 'closed');--> statement-breakpoint
CREATE TABLE "api_idempotency_keys" (
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_keys_api_key_id_key_pk" PRIMARY KEY("api_key_id","key")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reception_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"municipality" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_locations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "vacancy_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"sector" "sector",
	"tasks" text,
	"address" text,
	"postcode" text,
	"municipality" text,
	"hours_min" integer,
	"hours_max" integer,
	"contract_type" "contract_type",
	"contract_months" integer,
	"shifts" text[] DEFAULT '{}'::text[] NOT NULL,
	"hourly_wage_cents" integer,
	"for_workers_under21" boolean DEFAULT false NOT NULL,
	"youngest_age" integer,
	"start_date" date,
	"positions" integer,
	"english_level" "language_level",
	"dutch_level" "language_level",
	"physical_demands" text,
	"requirements" text,
	"candidate_status" "candidate_status_preference",
	"trial_placement_offered" boolean DEFAULT false NOT NULL,
	"trial_placement_weeks" integer,
	"review_comment" text,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "vacancy_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vacancy_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"vacancy_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "vacancy_status",
	"to_status" "vacancy_status",
	"comment" text,
	"changed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_travel_times" (
	"vacancy_id" uuid NOT NULL,
	"reception_location_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "vacancy_travel_times_vacancy_id_reception_location_id_pk" PRIMARY KEY("vacancy_id","reception_location_id")
);
--> statement-breakpoint
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_events" ADD CONSTRAINT "vacancy_events_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_events" ADD CONSTRAINT "vacancy_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_events" ADD CONSTRAINT "vacancy_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_travel_times" ADD CONSTRAINT "vacancy_travel_times_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_travel_times" ADD CONSTRAINT "vacancy_travel_times_reception_location_id_reception_locations_id_fk" FOREIGN KEY ("reception_location_id") REFERENCES "public"."reception_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_organisation_idx" ON "api_keys" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "vacancies_org_created_idx" ON "vacancies" USING btree ("organisation_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "vacancies_status_created_idx" ON "vacancies" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "vacancies_created_idx" ON "vacancies" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "vacancy_events_vacancy_idx" ON "vacancy_events" USING btree ("vacancy_id","id");