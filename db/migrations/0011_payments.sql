CREATE TYPE "public"."payment_status" AS ENUM('open', 'paid', 'partially_refunded', 'refunded', 'expired', 'cancelled');--> statement-breakpoint
-- The booking statuses are swapped for a new type rather than extended with ADD VALUE: the
-- migrations run in one transaction, and Postgres refuses a value added in the same transaction
-- (the partial unique index below names it).
DROP INDEX "speeddate_bookings_active_slot_key";--> statement-breakpoint
ALTER TYPE "public"."booking_status" RENAME TO "booking_status_before_payments";--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('awaiting_payment', 'requested', 'approved', 'declined', 'cancelled', 'expired');--> statement-breakpoint
ALTER TABLE "speeddate_bookings" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "speeddate_bookings" ALTER COLUMN "status" SET DATA TYPE "public"."booking_status" USING "status"::text::"public"."booking_status";--> statement-breakpoint
ALTER TABLE "speeddate_bookings" ALTER COLUMN "status" SET DEFAULT 'requested';--> statement-breakpoint
ALTER TABLE "speeddate_booking_events" ALTER COLUMN "from_status" SET DATA TYPE "public"."booking_status" USING "from_status"::text::"public"."booking_status";--> statement-breakpoint
ALTER TABLE "speeddate_booking_events" ALTER COLUMN "to_status" SET DATA TYPE "public"."booking_status" USING "to_status"::text::"public"."booking_status";--> statement-breakpoint
DROP TYPE "public"."booking_status_before_payments";--> statement-breakpoint
CREATE SEQUENCE "public"."payment_receipt_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "cancellation_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"full_refund_hours_before" integer NOT NULL,
	"late_refund_percent" integer NOT NULL,
	"effective_from" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cancellation_policies_hours" CHECK ("cancellation_policies"."full_refund_hours_before" between 0 and 8760),
	CONSTRAINT "cancellation_policies_percent" CHECK ("cancellation_policies"."late_refund_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "fee_kind" NOT NULL,
	"payer_organisation_id" uuid NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"booking_id" uuid,
	"hire_id" uuid,
	"description" text NOT NULL,
	"net_cents" integer NOT NULL,
	"vat_basis_points" integer NOT NULL,
	"vat_cents" integer NOT NULL,
	"gross_cents" integer NOT NULL,
	"status" "payment_status" DEFAULT 'open' NOT NULL,
	"receipt_number" bigint,
	"stripe_checkout_session_id" text,
	"checkout_url" text,
	"checkout_expires_at" timestamp with time zone,
	"stripe_payment_intent_id" text,
	"paid_at" timestamp with time zone,
	"failure_message" text,
	"refund_due_cents" integer DEFAULT 0 NOT NULL,
	"refund_reason" text,
	"stripe_refund_id" text,
	"refund_attempts" integer DEFAULT 0 NOT NULL,
	"refunded_cents" integer DEFAULT 0 NOT NULL,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amounts" CHECK ("payments"."net_cents" > 0 and "payments"."vat_cents" >= 0 and "payments"."gross_cents" = "payments"."net_cents" + "payments"."vat_cents"),
	CONSTRAINT "payments_refunds" CHECK ("payments"."refunded_cents" between 0 and "payments"."gross_cents" and "payments"."refund_due_cents" between 0 and "payments"."gross_cents")
);
--> statement-breakpoint
ALTER TABLE "cancellation_policies" ADD CONSTRAINT "cancellation_policies_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_policies" ADD CONSTRAINT "cancellation_policies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payer_organisation_id_organisations_id_fk" FOREIGN KEY ("payer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_speeddate_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."speeddate_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cancellation_policies_org_idx" ON "cancellation_policies" USING btree ("intermediary_organisation_id","effective_from");--> statement-breakpoint
CREATE INDEX "payments_payer_idx" ON "payments" USING btree ("payer_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_intermediary_idx" ON "payments" USING btree ("intermediary_organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_booking_key" ON "payments" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_hire_key" ON "payments" USING btree ("hire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_key" ON "payments" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "payments_checkout_session_idx" ON "payments" USING btree ("stripe_checkout_session_id");--> statement-breakpoint
CREATE INDEX "payments_payment_intent_idx" ON "payments" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "speeddate_bookings_active_slot_key" ON "speeddate_bookings" USING btree ("slot_id") WHERE status in ('awaiting_payment', 'requested', 'approved');