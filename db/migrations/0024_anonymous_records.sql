CREATE TABLE "anonymous_pipeline_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"reception_location_id" uuid,
	"residence_status" text NOT NULL,
	"gender" text NOT NULL,
	"education_level" text NOT NULL,
	"english_level" text,
	"dutch_level" text,
	"municipal_linkage" text NOT NULL,
	"linked_municipality" text,
	"intake_month" date,
	"moved_out_month" date,
	"matches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "anonymous_pipeline_records" ADD CONSTRAINT "anonymous_pipeline_records_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_pipeline_records" ADD CONSTRAINT "anonymous_pipeline_records_reception_location_id_reception_locations_id_fk" FOREIGN KEY ("reception_location_id") REFERENCES "public"."reception_locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anonymous_pipeline_records_intermediary_idx" ON "anonymous_pipeline_records" USING btree ("intermediary_organisation_id");