ALTER TYPE "public"."organisation_kind" ADD VALUE 'platform';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'intermediary_owner';--> statement-breakpoint
CREATE TABLE "employer_intermediaries" (
	"employer_organisation_id" uuid NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_intermediaries_employer_organisation_id_intermediary_organisation_id_pk" PRIMARY KEY("employer_organisation_id","intermediary_organisation_id")
);
--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "intermediary_organisation_id" uuid;--> statement-breakpoint
-- Until now every intermediary saw every employer: keep what each could see by linking every
-- employer to every intermediary there is (one, in every installation so far).
INSERT INTO "employer_intermediaries" ("employer_organisation_id", "intermediary_organisation_id")
SELECT e."id", i."id" FROM "organisations" e CROSS JOIN "organisations" i
WHERE e."kind" = 'employer' AND i."kind" = 'intermediary';--> statement-breakpoint
-- A vacancy is reviewed by one intermediary: the one that owns the slot it was booked on, else
-- the first intermediary organisation.
UPDATE "vacancies" v SET "intermediary_organisation_id" = coalesce(
  (SELECT s."intermediary_organisation_id" FROM "speeddate_bookings" b JOIN "speeddate_slots" s ON s."id" = b."slot_id"
   WHERE b."vacancy_id" = v."id" ORDER BY b."created_at" DESC LIMIT 1),
  (SELECT o."id" FROM "organisations" o WHERE o."kind" = 'intermediary' ORDER BY o."created_at", o."id" LIMIT 1)
);--> statement-breakpoint
ALTER TABLE "vacancies" ALTER COLUMN "intermediary_organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_intermediaries" ADD CONSTRAINT "employer_intermediaries_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_intermediaries" ADD CONSTRAINT "employer_intermediaries_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_intermediaries_intermediary_idx" ON "employer_intermediaries" USING btree ("intermediary_organisation_id");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancies_intermediary_created_idx" ON "vacancies" USING btree ("intermediary_organisation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);