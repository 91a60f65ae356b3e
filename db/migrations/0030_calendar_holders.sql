ALTER TABLE "speeddate_bookings" ADD COLUMN "calendar_holder_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- Bookings made before this column: the consultant was sent the event from the request on, the requester from the approval on.
UPDATE "speeddate_bookings" b SET "calendar_holder_user_ids" = array_remove(ARRAY[s."consultant_user_id", CASE WHEN b."status" = 'approved' THEN b."requested_by_user_id" END], NULL)
FROM "speeddate_slots" s WHERE s."id" = b."slot_id" AND b."status" IN ('requested', 'approved');
