import { MigrationInterface, QueryRunner } from 'typeorm';

/** `Idempotency-Key` of creating POSTs: one row per person and key, kept 24 h (decision 028). */
export class IdempotencyKeys1796289923787 implements MigrationInterface {
  name = 'IdempotencyKeys1796289923787';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "user_id" uuid NOT NULL,
                "key" text NOT NULL,
                "fingerprint" text NOT NULL,
                "method" text NOT NULL,
                "path" text NOT NULL,
                "state" text NOT NULL,
                "attempt_id" uuid NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "response_status" smallint,
                "response_headers" jsonb,
                "response_body" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_idempotency_keys_state" CHECK ("state" IN ('in_progress', 'completed')),
                CONSTRAINT "ck_idempotency_keys_key" CHECK (char_length("key") BETWEEN 1 AND 255),
                CONSTRAINT "ck_idempotency_keys_response" CHECK (("state" = 'completed') = ("response_status" IS NOT NULL) AND ("state" = 'in_progress') = ("locked_until" IS NOT NULL)),
                CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("user_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_idempotency_keys_expires_at" ON "idempotency_keys" ("expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys"
            ADD CONSTRAINT "fk_idempotency_keys_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
