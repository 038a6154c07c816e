import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

/** Refusals of the counting board, the paper count and the certification of a poll. */
export enum CountingErrorCode {
  BoardTooSmall = 'counting_board_too_small',
  BoardMemberConflict = 'counting_board_member_conflict',
  BoardMemberUnknown = 'counting_board_member_unknown',
  BoardLocked = 'counting_board_locked',
  BoardMissing = 'counting_board_missing',
  BoardMemberNoSeat = 'counting_board_member_no_seat',
  BoardUnitsNotDistinct = 'counting_board_units_not_distinct',
  BoardNotConfirmed = 'counting_board_not_confirmed',
  BoardAlreadyConfirmed = 'counting_board_already_confirmed',
  BoardProposalChanged = 'counting_board_proposal_changed',
  HandNotPresent = 'counting_board_hand_not_present',
  HandAlreadyRaised = 'counting_board_hand_already_raised',
  NotOnBoard = 'not_on_counting_board',
  PaperNotUsed = 'poll_not_on_paper',
  PaperVoterNotOnRoll = 'paper_ballot_voter_not_on_roll',
  PaperCountNotOpen = 'paper_count_not_open',
  PaperLineInvalid = 'paper_line_invalid',
  CorrectionReasonRequired = 'paper_correction_reason_required',
  PaperEntryChanged = 'paper_entry_changed',
  PollCertified = 'poll_already_certified',
  RecordNotSigned = 'counting_record_not_signed',
  LeadershipTermTaken = 'leadership_term_taken',
  PaperCountRestricted = 'paper_count_restricted',
}

const COUNTING_ERRORS: Record<CountingErrorCode, ErrorDefinition> = {
  [CountingErrorCode.BoardTooSmall]: { status: 422, title: 'A counting board has at least two members' },
  [CountingErrorCode.BoardMemberConflict]: {
    status: 422,
    title: "A candidate's delegate may not sit on the counting board",
  },
  [CountingErrorCode.BoardMemberUnknown]: { status: 422, title: 'No active user with this id' },
  [CountingErrorCode.BoardLocked]: {
    status: 409,
    title: 'The counting board can no longer change: counting has started',
  },
  [CountingErrorCode.BoardMissing]: { status: 409, title: 'The poll has no counting board yet' },
  [CountingErrorCode.BoardMemberNoSeat]: {
    status: 422,
    title: 'A counting-board member sits for a member unit present at the meeting',
  },
  [CountingErrorCode.BoardUnitsNotDistinct]: {
    status: 422,
    title: 'Each counting-board member sits for a different unit',
  },
  [CountingErrorCode.BoardNotConfirmed]: {
    status: 409,
    title: 'The meeting has not confirmed the counting board yet',
  },
  [CountingErrorCode.BoardAlreadyConfirmed]: {
    status: 409,
    title: 'The meeting has already confirmed this counting board',
  },
  [CountingErrorCode.BoardProposalChanged]: {
    status: 409,
    title: 'The counting board proposed now is not the one you voted on',
  },
  [CountingErrorCode.HandNotPresent]: {
    status: 403,
    title: 'Only the person sitting for a unit present at the meeting raises its hand',
  },
  [CountingErrorCode.HandAlreadyRaised]: {
    status: 409,
    title: 'Your unit has already raised its hand on this proposal',
  },
  [CountingErrorCode.NotOnBoard]: { status: 403, title: "You are not on this poll's counting board" },
  [CountingErrorCode.PaperNotUsed]: { status: 409, title: 'This poll has no paper ballots' },
  [CountingErrorCode.PaperVoterNotOnRoll]: { status: 422, title: "The unit is not on the poll's voter roll" },
  [CountingErrorCode.PaperCountNotOpen]: {
    status: 409,
    title: 'Paper counts are entered after the poll closes and before it is tallied',
  },
  [CountingErrorCode.PaperLineInvalid]: { status: 422, title: 'The line is not one of this poll’s count sheet' },
  [CountingErrorCode.CorrectionReasonRequired]: {
    status: 422,
    title: 'A correction of an entered figure needs a reason',
  },
  [CountingErrorCode.PaperEntryChanged]: {
    status: 409,
    title: 'Your figure was corrected meanwhile; read the entries again',
  },
  [CountingErrorCode.PollCertified]: { status: 409, title: 'The poll is certified: its result is sealed' },
  [CountingErrorCode.RecordNotSigned]: {
    status: 409,
    title: 'The counting record lacks signatures of the counting board or the secretariat',
  },
  [CountingErrorCode.LeadershipTermTaken]: {
    status: 409,
    title: 'The cluster already has a unit recorded in this role for the term',
  },
  [CountingErrorCode.PaperCountRestricted]: {
    status: 403,
    title: "This mixed poll's paper figures are for its counting board and secretariat",
  },
};

export class CountingException extends DomainException<CountingErrorCode> {
  readonly definitions = COUNTING_ERRORS;

  static notOnBoard(pollId: string): CountingException {
    return new CountingException(
      CountingErrorCode.NotOnBoard,
      'Only the members of the counting board the meeting confirmed enter paper counts and sign as the board.',
      { pollId },
    );
  }

  static notConfirmed(pollId?: string, proposalId?: string): CountingException {
    return new CountingException(
      CountingErrorCode.BoardNotConfirmed,
      'The counting board is proposed but the meeting has not confirmed it: the delegates present raise their hands first.',
      pollId ? { pollId, proposalId } : undefined,
    );
  }

  static certified(): CountingException {
    return new CountingException(CountingErrorCode.PollCertified, 'A certified poll is read-only.');
  }

  static boardLocked(detail: string): CountingException {
    return new CountingException(CountingErrorCode.BoardLocked, detail);
  }

  static leadershipTaken(): CountingException {
    return new CountingException(
      CountingErrorCode.LeadershipTermTaken,
      'A leader (or deputy) of this term is already recorded; the result cannot make a second one.',
    );
  }
}

// Two members entering their first figure of a line at once: the loser's figure is a correction.
explainConstraint(
  'uq_poll_paper_entries_first',
  () =>
    new CountingException(
      CountingErrorCode.CorrectionReasonRequired,
      'You have already entered this line; send the new figure with a reason.',
    ),
);
// Two corrections of the same figure at once: the loser corrects a superseded figure.
explainConstraint(
  'uq_poll_paper_entries_supersedes',
  () => new CountingException(CountingErrorCode.PaperEntryChanged, 'Read the entries again and retry.'),
);
explainConstraint('uq_cluster_leaderships_term_role', () => CountingException.leadershipTaken());

// The counting board, as the database guards it (migration 1796290051551): the service checks
// first and names the reasons; these catch whatever reaches the tables another way or concurrently.
explainConstraint(
  'ck_poll_counting_board_members_seat',
  () =>
    new CountingException(
      CountingErrorCode.BoardMemberNoSeat,
      'A member sits for a member unit present at the meeting, holding its delegate or head mandate, not a candidate.',
    ),
);
explainConstraint(
  'uq_poll_counting_board_members_unit',
  () => new CountingException(CountingErrorCode.BoardUnitsNotDistinct, 'Each member sits for a different unit.'),
);
explainConstraint('ck_poll_counting_board_members_open', () =>
  CountingException.boardLocked(
    'The board is confirmed or counting has started: a new proposal replaces it, before counting.',
  ),
);
explainConstraint('ck_poll_paper_entries_confirmed_board', () => CountingException.notConfirmed());
explainConstraint(
  'ck_poll_counting_board_hands_present',
  () => new CountingException(CountingErrorCode.HandNotPresent, 'Sit for a unit at the meeting to raise its hand.'),
);
explainConstraint(
  'ck_poll_counting_board_hands_open',
  () => new CountingException(CountingErrorCode.BoardProposalChanged, 'Read the counting board again.'),
);
for (const name of ['pk_poll_counting_board_hands', 'uq_poll_counting_board_hands_delegate']) {
  explainConstraint(
    name,
    () => new CountingException(CountingErrorCode.HandAlreadyRaised, 'One hand per unit and proposal.'),
  );
}
explainConstraint(
  'ck_poll_counting_boards_majority',
  () =>
    new CountingException(
      CountingErrorCode.BoardNotConfirmed,
      'More than the rules’ share of the units present must raise a hand for the board.',
    ),
);
