DROP INDEX "vacancies_org_created_idx";--> statement-breakpoint
DROP INDEX "vacancies_status_created_idx";--> statement-breakpoint
DROP INDEX "vacancies_created_idx";--> statement-breakpoint
CREATE INDEX "vacancies_org_created_idx" ON "vacancies" USING btree ("organisation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "vacancies_status_created_idx" ON "vacancies" USING btree ("status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "vacancies_created_idx" ON "vacancies" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);