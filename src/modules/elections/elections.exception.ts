import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum ElectionsErrorCode {
  PollNotFound = 'poll_not_found',
  ManageForbidden = 'poll_manage_forbidden',
  PollInvalid = 'poll_invalid',
  NoEligibleCandidates = 'poll_no_eligible_candidates',
  MotionRequestNotDecidable = 'motion_request_not_decidable',
  PollNotDraft = 'poll_not_draft',
  PollNotOpen = 'poll_not_open',
  PollClosed = 'poll_closed',
  PollNotClosed = 'poll_not_closed',
  PollPaperOnly = 'poll_paper_only',
  QuorumNotMet = 'quorum_not_met',
  RollEmpty = 'poll_roll_empty',
  IdempotencyKeyRequired = 'idempotency_key_required',
  IdempotencyKeyInvalid = 'idempotency_key_invalid',
  IdempotencyKeyReused = 'idempotency_key_reused',
  BallotInvalid = 'ballot_invalid',
  BallotAlreadyCast = 'ballot_already_cast',
  VoterNotOnRoll = 'voter_not_on_roll',
  PaperCountMissing = 'paper_count_not_accepted',
  PollNotTallied = 'poll_not_tallied',
}

const ELECTIONS_ERRORS: Record<ElectionsErrorCode, ErrorDefinition> = {
  [ElectionsErrorCode.PollNotFound]: { status: 404, title: 'No such poll' },
  [ElectionsErrorCode.ManageForbidden]: {
    status: 403,
    title: "Only an administrator or the cluster's secretariat may run its polls",
  },
  [ElectionsErrorCode.PollInvalid]: { status: 422, title: 'The poll does not fit its kind or the rules' },
  [ElectionsErrorCode.NoEligibleCandidates]: { status: 422, title: 'The rules leave no eligible candidate' },
  [ElectionsErrorCode.MotionRequestNotDecidable]: {
    status: 409,
    title: 'The approval request cannot be completed by a vote in its state',
  },
  [ElectionsErrorCode.PollNotDraft]: { status: 409, title: 'The poll is no longer a draft' },
  [ElectionsErrorCode.PollNotOpen]: { status: 409, title: 'The poll is not open yet' },
  [ElectionsErrorCode.PollClosed]: { status: 409, title: 'The poll is closed' },
  [ElectionsErrorCode.PollNotClosed]: { status: 409, title: 'The poll is not closed yet' },
  [ElectionsErrorCode.PollPaperOnly]: { status: 409, title: 'This poll is on paper only' },
  [ElectionsErrorCode.QuorumNotMet]: { status: 409, title: 'Too few member units are present' },
  [ElectionsErrorCode.RollEmpty]: { status: 409, title: 'Nobody present may vote' },
  [ElectionsErrorCode.IdempotencyKeyRequired]: { status: 400, title: 'A ballot needs an Idempotency-Key header' },
  [ElectionsErrorCode.IdempotencyKeyInvalid]: {
    status: 400,
    title: 'The Idempotency-Key must be a random (version 4) UUID',
  },
  [ElectionsErrorCode.IdempotencyKeyReused]: {
    status: 409,
    title: 'This Idempotency-Key was already used for another ballot',
  },
  [ElectionsErrorCode.BallotInvalid]: { status: 422, title: 'The ballot is not a valid choice for this poll' },
  [ElectionsErrorCode.BallotAlreadyCast]: { status: 409, title: 'You have already voted in this poll' },
  [ElectionsErrorCode.VoterNotOnRoll]: { status: 403, title: "You are not on this poll's voter roll" },
  [ElectionsErrorCode.PaperCountMissing]: {
    status: 409,
    title: "The counting board's paper count is not accepted yet",
  },
  [ElectionsErrorCode.PollNotTallied]: { status: 409, title: 'The poll is not tallied yet' },
};

export class ElectionsException extends DomainException<ElectionsErrorCode> {
  readonly definitions = ELECTIONS_ERRORS;

  static pollNotFound(id: string): ElectionsException {
    return new ElectionsException(ElectionsErrorCode.PollNotFound, `There is no poll with id ${id}.`, { pollId: id });
  }

  static invalid(detail: string, extensions: Record<string, unknown> = {}): ElectionsException {
    return new ElectionsException(ElectionsErrorCode.PollInvalid, detail, extensions);
  }

  static alreadyCast(): ElectionsException {
    return new ElectionsException(
      ElectionsErrorCode.BallotAlreadyCast,
      'Your ballot is in the box. A retry with the same Idempotency-Key and the same choice returns its receipt.',
    );
  }

  static keyReused(): ElectionsException {
    return new ElectionsException(
      ElectionsErrorCode.IdempotencyKeyReused,
      'Generate a new random UUID for your ballot.',
    );
  }

  static notDraft(status: string): ElectionsException {
    return new ElectionsException(ElectionsErrorCode.PollNotDraft, `The poll is ${status}.`, { status });
  }
}

// The tracker is derived from the key: another voter's ballot already holds it.
explainConstraint('pk_ballots', () => ElectionsException.keyReused());
// Two runoffs of the same poll at once.
explainConstraint('uq_polls_parent', () => ElectionsException.notDraft('tallied'));
