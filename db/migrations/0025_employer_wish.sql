CREATE TYPE "public"."employer_wish" AS ENUM('continue', 'stop');--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD COLUMN "employer_wish" "employer_wish";--> statement-breakpoint
ALTER TABLE "speeddate_seats" ADD COLUMN "employer_wish_at" timestamp with time zone;