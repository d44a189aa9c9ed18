CREATE TABLE "mail_send_slots" (
	"id" integer PRIMARY KEY NOT NULL,
	"next_slot_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "banned_by" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "provider" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "mail_send_slots" ("id") VALUES (1);
