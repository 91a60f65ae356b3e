CREATE TYPE "public"."dropout_risk" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TABLE "aftercare_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hire_id" uuid NOT NULL,
	"week" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"how_it_goes" text,
	"dropout_risk" "dropout_risk",
	"agreed" text,
	"reminded_at" timestamp with time zone,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aftercare_check_ins" ADD CONSTRAINT "aftercare_check_ins_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_check_ins" ADD CONSTRAINT "aftercare_check_ins_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aftercare_check_ins_key" ON "aftercare_check_ins" USING btree ("hire_id","week");