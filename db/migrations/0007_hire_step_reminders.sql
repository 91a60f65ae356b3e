CREATE TABLE "hire_step_reminders" (
	"hire_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hire_step_reminders_hire_id_step_key_pk" PRIMARY KEY("hire_id","step_key")
);
--> statement-breakpoint
ALTER TABLE "hire_step_reminders" ADD CONSTRAINT "hire_step_reminders_hire_id_hires_id_fk" FOREIGN KEY ("hire_id") REFERENCES "public"."hires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hire_steps" DROP COLUMN "reminder_sent_at";