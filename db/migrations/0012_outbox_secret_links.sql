ALTER TABLE "email_outbox" ADD COLUMN "secret_links" jsonb;--> statement-breakpoint
-- Copies queued before this change still hold live links: take the tokens out of them.
UPDATE "email_outbox" SET
  "html" = regexp_replace("html", '(reset-password\?token=|/invitations/)[A-Za-z0-9_%-]+', '\1removed', 'g'),
  "text" = regexp_replace("text", '(reset-password\?token=|/invitations/)[A-Za-z0-9_%-]+', '\1removed', 'g')
WHERE "template" IN ('password-reset', 'invitation');
