CREATE TYPE "public"."proposal_status" AS ENUM('open', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "speeddate_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"requested_by_user_id" uuid,
	"times" jsonb NOT NULL,
	"place_kind" "slot_place_kind" NOT NULL,
	"reception_location_id" uuid,
	"place_address" text,
	"note" text,
	"status" "proposal_status" DEFAULT 'open' NOT NULL,
	"reason" text,
	"booking_id" uuid,
	"decided_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "speeddate_proposals" ADD CONSTRAINT "speeddate_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_proposals" ADD CONSTRAINT "speeddate_proposals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_proposals" ADD CONSTRAINT "speeddate_proposals_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_proposals" ADD CONSTRAINT "speeddate_proposals_reception_location_id_reception_locations_id_fk" FOREIGN KEY ("reception_location_id") REFERENCES "public"."reception_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_proposals" ADD CONSTRAINT "speeddate_proposals_booking_id_speeddate_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."speeddate_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speeddate_proposals" ADD CONSTRAINT "speeddate_proposals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speeddate_proposals_status_idx" ON "speeddate_proposals" USING btree ("status","created_at");