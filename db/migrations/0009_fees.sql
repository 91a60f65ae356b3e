CREATE TYPE "public"."fee_kind" AS ENUM('speeddate_booking', 'placement');--> statement-breakpoint
CREATE TABLE "fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"kind" "fee_kind" NOT NULL,
	"amount_cents" integer NOT NULL,
	"vat_basis_points" integer NOT NULL,
	"effective_from" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fees_kind_idx" ON "fees" USING btree ("intermediary_organisation_id","kind","effective_from");