CREATE TYPE "public"."attendance" AS ENUM('attended', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('requested', 'approved', 'declined', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."slot_place_kind" AS ENUM('reception_location', 'employer_site');--> statement-breakpoint
CREATE TYPE "public"."slot_status" AS ENUM('open', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."speeddate_outcome" AS ENUM('no_interest', 'second_talk', 'match');--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"reference_code" text NOT NULL,
	"first_name" text NOT NULL,
	"languages" text NOT NULL,
	"experience" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speeddate_booking_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "speeddate_booking_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"booking_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "booking_status",
	"to_status" "booking_status",
	"slot_id" uuid,
	"reason" text,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speeddate_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"status" "booking_status" DEFAULT 'requested' NOT NULL,
	"requested_by_user_id" uuid,
	"reason" text,
	"ics_uid" text NOT NULL,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speeddate_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"attendance" "attendance",
	"outcome" "speeddate_outcome",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speeddate_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"consultant_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_kind" "slot_place_kind" NOT NULL,
	"reception_location_id" uuid,
	"place_address" text,
	"seats" integer NOT NULL,
	"note" text,
	"status" "slot_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speeddate_slots_time_order" CHECK ("speeddate_slots"."ends_at" > "speeddate_slots"."starts_at"),
	CONSTRAINT "speeddate_slots_seats_range" CHECK ("speeddate_slots"."seats" between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_booking_events" ADD CONSTRAINT "speeddate_booking_events_booking_id_speeddate_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."speeddate_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_booking_events" ADD CONSTRAINT "speeddate_booking_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_bookings" ADD CONSTRAINT "speeddate_bookings_slot_id_speeddate_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."speeddate_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_bookings" ADD CONSTRAINT "speeddate_bookings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_bookings" ADD CONSTRAINT "speeddate_bookings_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_bookings" ADD CONSTRAINT "speeddate_bookings_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD CONSTRAINT "speeddate_seats_slot_id_speeddate_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."speeddate_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD CONSTRAINT "speeddate_seats_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_slots" ADD CONSTRAINT "speeddate_slots_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_slots" ADD CONSTRAINT "speeddate_slots_consultant_user_id_users_id_fk" FOREIGN KEY ("consultant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_slots" ADD CONSTRAINT "speeddate_slots_reception_location_id_reception_locations_id_fk" FOREIGN KEY ("reception_location_id") REFERENCES "public"."reception_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_reference_key" ON "candidates" USING btree ("intermediary_organisation_id","reference_code");--> statement-breakpoint
CREATE INDEX "speeddate_booking_events_booking_idx" ON "speeddate_booking_events" USING btree ("booking_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "speeddate_bookings_active_slot_key" ON "speeddate_bookings" USING btree ("slot_id") WHERE status in ('requested', 'approved');--> statement-breakpoint
CREATE INDEX "speeddate_bookings_organisation_idx" ON "speeddate_bookings" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "speeddate_seats_candidate_key" ON "speeddate_seats" USING btree ("slot_id","candidate_id");--> statement-breakpoint
CREATE INDEX "speeddate_slots_starts_idx" ON "speeddate_slots" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "speeddate_slots_consultant_idx" ON "speeddate_slots" USING btree ("consultant_user_id","starts_at");