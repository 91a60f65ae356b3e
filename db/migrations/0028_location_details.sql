ALTER TABLE "reception_locations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "reception_locations" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "reception_locations" ADD COLUMN "arrival" text;--> statement-breakpoint
ALTER TABLE "reception_locations" ADD COLUMN "contact" text;--> statement-breakpoint
ALTER TABLE "reception_locations" ADD COLUMN "accessibility" text;--> statement-breakpoint
ALTER TABLE "reception_locations" ADD COLUMN "updated_at" timestamp with time zone;