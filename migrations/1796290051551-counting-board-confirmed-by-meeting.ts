import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counting board (ban kiểm phiếu) is proposed by the chair and confirmed by the meeting: a
 * board row per poll (the current proposal and its confirmation), the hands raised by the present
 * delegates, and triggers that refuse a member without a seat at the meeting, two members of one
 * unit, a confirmation without a majority of the present units, and paper figures from anyone
 * but a member of a confirmed board. Decision 017.
 */
export class CountingBoardConfirmedByMeeting1796290051551 implements MigrationInterface {
  name = 'CountingBoardConfirmedByMeeting1796290051551';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "poll_counting_boards" (
                "poll_id" uuid NOT NULL,
                "proposal_id" uuid NOT NULL,
                "proposed_by" uuid NOT NULL,
                "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "present_units" integer,
                "hands_for" integer,
                "hands_against" integer,
                "hands_abstain" integer,
                CONSTRAINT "ck_poll_counting_boards_confirmation" CHECK (
                    ("confirmed_at" IS NULL) = ("present_units" IS NULL)
                    AND ("confirmed_at" IS NULL) = ("hands_for" IS NULL)
                    AND ("confirmed_at" IS NULL) = ("hands_against" IS NULL)
                    AND ("confirmed_at" IS NULL) = ("hands_abstain" IS NULL)
                ),
                CONSTRAINT "uq_poll_counting_boards_proposal" UNIQUE ("proposal_id"),
                CONSTRAINT "pk_poll_counting_boards" PRIMARY KEY ("poll_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "poll_counting_board_hands" (
                "proposal_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "poll_id" uuid NOT NULL,
                "delegate_id" uuid NOT NULL,
                "vote" text NOT NULL,
                "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_poll_counting_board_hands_vote" CHECK ("vote" IN ('for', 'against', 'abstain')),
                CONSTRAINT "pk_poll_counting_board_hands" PRIMARY KEY ("proposal_id", "unit_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_poll_counting_board_hands_delegate" ON "poll_counting_board_hands" ("proposal_id", "delegate_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_poll_counting_board_hands_poll" ON "poll_counting_board_hands" ("poll_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_poll_counting_board_members_unit" ON "poll_counting_board_members" ("poll_id", "unit_id")
        `);
    for (const [table, column, target] of [
      ['poll_counting_boards', 'poll_id', 'polls'],
      ['poll_counting_boards', 'proposed_by', 'users'],
      ['poll_counting_board_hands', 'poll_id', 'polls'],
      ['poll_counting_board_hands', 'unit_id', 'units'],
      ['poll_counting_board_hands', 'delegate_id', 'users'],
    ]) {
      const name = `fk_${table}_${column === 'proposed_by' ? 'proposer' : column.replace(/_id$/, '')}`;
      await queryRunner.query(`
            ALTER TABLE "${table}"
            ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }
    // Boards appointed before this release: the ones that may still count must be confirmed by
    // the meeting; those of tallied polls already counted and stay as they were (zero hands).
    await queryRunner.query(`
            INSERT INTO "poll_counting_boards" ("poll_id", "proposal_id", "proposed_by", "proposed_at", "confirmed_at",
                                                "present_units", "hands_for", "hands_against", "hands_abstain")
            SELECT b.poll_id, gen_random_uuid(), (array_agg(b.appointed_by ORDER BY b.appointed_at))[1], min(b.appointed_at),
                   CASE WHEN p.status IN ('tallied', 'certified') THEN min(b.appointed_at) END,
                   CASE WHEN p.status IN ('tallied', 'certified') THEN 0 END,
                   CASE WHEN p.status IN ('tallied', 'certified') THEN 0 END,
                   CASE WHEN p.status IN ('tallied', 'certified') THEN 0 END,
                   CASE WHEN p.status IN ('tallied', 'certified') THEN 0 END
              FROM "poll_counting_board_members" b JOIN "polls" p ON p.id = b.poll_id
             GROUP BY b.poll_id, p.status
        `);

    // A member sits for a distinct member unit of the cluster, present at the meeting, holding its
    // delegate or head mandate today, not on the ballot; members change only under a proposal
    // not yet confirmed, and never once counting has started.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_counting_board_member_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                v_poll uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.poll_id ELSE NEW.poll_id END;
                v_meeting uuid;
                v_cluster uuid;
            BEGIN
                IF EXISTS (SELECT 1 FROM poll_counting_boards b WHERE b.poll_id = v_poll AND b.confirmed_at IS NOT NULL)
                   OR EXISTS (SELECT 1 FROM poll_paper_entries e WHERE e.poll_id = v_poll) THEN
                    RAISE EXCEPTION 'the counting board of poll % is confirmed or counting: propose a new board', v_poll
                        USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_board_members_open';
                END IF;
                IF TG_OP = 'DELETE' THEN
                    RETURN OLD;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM poll_counting_boards b WHERE b.poll_id = NEW.poll_id) THEN
                    RAISE EXCEPTION 'poll % has no counting board proposal', NEW.poll_id
                        USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_board_members_open';
                END IF;
                SELECT p.meeting_id, m.cluster_id INTO v_meeting, v_cluster
                  FROM polls p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = NEW.poll_id;
                IF NEW.unit_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM cluster_memberships cm
                                   WHERE cm.cluster_id = v_cluster AND cm.unit_id = NEW.unit_id
                                     AND cm.joined_on <= CURRENT_DATE AND (cm.left_on IS NULL OR cm.left_on >= CURRENT_DATE))
                   OR NOT EXISTS (SELECT 1 FROM meeting_attendances a
                                   WHERE a.meeting_id = v_meeting AND a.unit_id = NEW.unit_id AND a.checked_out_at IS NULL)
                   OR NOT EXISTS (SELECT 1 FROM mandates md
                                   WHERE md.user_id = NEW.user_id AND md.unit_id = NEW.unit_id
                                     AND md.role IN ('delegate', 'head')
                                     AND md.valid_from <= now() AND (md.valid_to IS NULL OR md.valid_to > now()))
                   OR EXISTS (SELECT 1 FROM poll_candidates c
                               WHERE c.poll_id = NEW.poll_id AND c.unit_id = NEW.unit_id AND c.position IS NOT NULL) THEN
                    RAISE EXCEPTION 'user % has no seat of a present, non-candidate member unit at the meeting', NEW.user_id
                        USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_board_members_seat';
                END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_poll_counting_board_members_guard" BEFORE INSERT OR UPDATE OR DELETE ON "poll_counting_board_members"
            FOR EACH ROW EXECUTE FUNCTION "thidua_counting_board_member_guard"()
        `);

    // A hand is raised by the person sitting for the unit at the meeting now, with a delegate or
    // head mandate of it, for the current proposal while it is not confirmed.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_counting_board_hand_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM poll_counting_boards b
                                WHERE b.poll_id = NEW.poll_id AND b.proposal_id = NEW.proposal_id AND b.confirmed_at IS NULL) THEN
                    RAISE EXCEPTION 'proposal % is not the open proposal of poll %', NEW.proposal_id, NEW.poll_id
                        USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_board_hands_open';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM meeting_attendances a JOIN polls p ON p.meeting_id = a.meeting_id
                                WHERE p.id = NEW.poll_id AND a.unit_id = NEW.unit_id AND a.delegate_id = NEW.delegate_id
                                  AND a.checked_out_at IS NULL)
                   OR NOT EXISTS (SELECT 1 FROM mandates md
                                   WHERE md.user_id = NEW.delegate_id AND md.unit_id = NEW.unit_id
                                     AND md.role IN ('delegate', 'head')
                                     AND md.valid_from <= now() AND (md.valid_to IS NULL OR md.valid_to > now())) THEN
                    RAISE EXCEPTION 'user % does not sit for unit % at the meeting', NEW.delegate_id, NEW.unit_id
                        USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_board_hands_present';
                END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_poll_counting_board_hands_guard" BEFORE INSERT ON "poll_counting_board_hands"
            FOR EACH ROW EXECUTE FUNCTION "thidua_counting_board_hand_guard"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_poll_counting_board_hands_append_only" BEFORE UPDATE OR DELETE ON "poll_counting_board_hands"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
        `);

    // The board row: a proposal starts unconfirmed; it is confirmed only when more than the rules'
    // share (default one half) of the units present raised a hand for it, counted HERE, and then
    // it stays until a new proposal replaces it (never once counting has started).
    await queryRunner.query(`
            CREATE FUNCTION "thidua_counting_board_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                v_present integer;
                v_for integer;
                v_against integer;
                v_abstain integer;
                v_members integer;
                v_share numeric;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF NEW.confirmed_at IS NOT NULL THEN
                        RAISE EXCEPTION 'a counting board is proposed unconfirmed'
                            USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_boards_majority';
                    END IF;
                    RETURN NEW;
                END IF;
                IF NEW.poll_id <> OLD.poll_id THEN
                    RAISE EXCEPTION 'a counting board stays with its poll' USING ERRCODE = 'TD001';
                END IF;
                IF NEW.proposal_id <> OLD.proposal_id THEN
                    IF NEW.confirmed_at IS NOT NULL
                       OR EXISTS (SELECT 1 FROM poll_paper_entries e WHERE e.poll_id = NEW.poll_id)
                       OR EXISTS (SELECT 1 FROM polls p WHERE p.id = NEW.poll_id AND p.status IN ('tallied', 'certified')) THEN
                        RAISE EXCEPTION 'the counting board of poll % can no longer be replaced', NEW.poll_id
                            USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_board_members_open';
                    END IF;
                    RETURN NEW;
                END IF;
                IF OLD.confirmed_at IS NOT NULL THEN
                    RAISE EXCEPTION 'a confirmed counting board changes only by a new proposal' USING ERRCODE = 'TD001';
                END IF;
                IF NEW.confirmed_at IS NULL THEN
                    IF NEW.proposed_by <> OLD.proposed_by OR NEW.proposed_at <> OLD.proposed_at THEN
                        RAISE EXCEPTION 'a proposal is replaced by a new one' USING ERRCODE = 'TD001';
                    END IF;
                    RETURN NEW;
                END IF;
                SELECT count(*) FILTER (WHERE h.vote = 'for'), count(*) FILTER (WHERE h.vote = 'against'),
                       count(*) FILTER (WHERE h.vote = 'abstain')
                  INTO v_for, v_against, v_abstain
                  FROM poll_counting_board_hands h WHERE h.proposal_id = NEW.proposal_id;
                SELECT count(*) INTO v_present
                  FROM meeting_attendances a JOIN polls p ON p.meeting_id = a.meeting_id
                 WHERE p.id = NEW.poll_id AND a.checked_out_at IS NULL;
                SELECT count(*) INTO v_members FROM poll_counting_board_members m WHERE m.poll_id = NEW.poll_id;
                SELECT COALESCE((rv.content #>> '{voting,countingBoardMajority}')::numeric, 0.5) INTO v_share
                  FROM polls p JOIN rules_versions rv ON rv.id = p.rules_version_id WHERE p.id = NEW.poll_id;
                IF v_members < 2 OR v_present = 0 OR v_for <= v_share * v_present THEN
                    RAISE EXCEPTION 'the meeting has not confirmed the counting board: % for, % units present', v_for, v_present
                        USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_counting_boards_majority';
                END IF;
                NEW.present_units := v_present;
                NEW.hands_for := v_for;
                NEW.hands_against := v_against;
                NEW.hands_abstain := v_abstain;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_poll_counting_boards_guard" BEFORE INSERT OR UPDATE ON "poll_counting_boards"
            FOR EACH ROW EXECUTE FUNCTION "thidua_counting_board_guard"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_poll_counting_boards_no_delete" BEFORE DELETE ON "poll_counting_boards"
            FOR EACH ROW EXECUTE FUNCTION "thidua_refuse_change"()
        `);

    // Paper figures come only from a member of the poll's confirmed board.
    await queryRunner.query(`
            CREATE FUNCTION "thidua_paper_entry_board_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM poll_counting_board_members m
                                 JOIN poll_counting_boards b ON b.poll_id = m.poll_id AND b.confirmed_at IS NOT NULL
                                WHERE m.poll_id = NEW.poll_id AND m.user_id = NEW.entered_by) THEN
                    RAISE EXCEPTION 'user % is not on the confirmed counting board of poll %', NEW.entered_by, NEW.poll_id
                        USING ERRCODE = '23514', CONSTRAINT = 'ck_poll_paper_entries_confirmed_board';
                END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_poll_paper_entries_board" BEFORE INSERT ON "poll_paper_entries"
            FOR EACH ROW EXECUTE FUNCTION "thidua_paper_entry_board_guard"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_poll_paper_entries_board" ON "poll_paper_entries"`);
    await queryRunner.query(`DROP FUNCTION "thidua_paper_entry_board_guard"()`);
    await queryRunner.query(`DROP TRIGGER "trg_poll_counting_board_members_guard" ON "poll_counting_board_members"`);
    await queryRunner.query(`DROP FUNCTION "thidua_counting_board_member_guard"()`);
    await queryRunner.query(`DROP INDEX "uq_poll_counting_board_members_unit"`);
    await queryRunner.query(`DROP TABLE "poll_counting_board_hands"`);
    await queryRunner.query(`DROP FUNCTION "thidua_counting_board_hand_guard"()`);
    await queryRunner.query(`DROP TABLE "poll_counting_boards"`);
    await queryRunner.query(`DROP FUNCTION "thidua_counting_board_guard"()`);
  }
}
