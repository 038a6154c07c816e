import {
  BASE_LABELS,
  METHOD_LABELS,
  OUTCOME_NOTES,
  TIE_BREAK_LABELS,
  optionVerdict,
  resultSentence,
} from './counting-record-wording';
import { placeAndDate } from './handover-record';
import { RecordDocument } from './record-document';
import type { RecordFrame, RecordParty, RecordSigner } from './record-parts';
import { drawSignatures } from './record-signatures';
import { drawTable, tableHeight, type TableColumn } from './record-table';
import { formatDay, formatInstant, formatInteger, formatNumber, formatRatio, formatShare } from './vietnamese-format';

export const COUNTING_RECORD_KIND = 'thidua.counting-record';

/** One line of the count: a candidate unit, or a motion's "yes" / "no". */
export interface CountingRecordOption {
  /** The candidate unit; null for a motion's options. */
  unit: RecordParty | null;
  /** The unit's name, or "Đồng ý" / "Không đồng ý". */
  label: string;
  votes: number;
  /** Reached the threshold (the record's `passes`). */
  passes: boolean;
  /** Elected, adopted or proposed (among the record's winners). */
  winner: boolean;
  /** One of the two units of the next ballot. */
  runoff: boolean;
}

/** How a tie was settled, names in place of unit ids. */
export interface CountingRecordTieBreak {
  among: string[];
  places: number;
  /** `higher_final_score`, `women_led_unit` or `recorded_draw`. */
  decidedBy: string;
  selected: string[];
}

/** The paper count by double entry, as the record states it. */
export interface CountingRecordPaper {
  /** Paper ballots handed out on record (the roll's weight of the paper voters). */
  ballotsIssued: number;
  /** The agreed sheet, line by line ("Số phiếu phát ra", a unit's name…), in the sheet's order. */
  sheet: { label: string; count: number }[];
  /** The counting-board members whose sheets agree. */
  agreeingMembers: string[];
  entries: number;
  corrections: number;
}

/**
 * The vote-counting record (biên bản kiểm phiếu) of one poll, as printed: the signed counting
 * record's content (elections/counting-record.ts) with names in place of ids, the signatures and
 * the certification.
 */
export interface CountingRecordData extends RecordFrame {
  cycle: { year: number };
  meeting: { title: string; heldOn: string; place: string | null };
  poll: {
    id: string;
    /** `leader_election`, `deputy_election`, `award_proposal` or `motion`. */
    kind: string;
    title: string;
    method: 'paper' | 'electronic' | 'mixed';
    round: number;
    parentPollId: string | null;
    /** Award proposals: the category (its name from the rules version, when found). */
    awardCategory: { code: string; name: string | null } | null;
    motionText: string | null;
  };
  /** `tallied` (signing) or `certified`; the certification's time and ledger entry. */
  certification: { certifiedAt: string; ledgerSeq: string | null } | null;
  attendance: { members: number; present: number };
  roll: { size: number | null; weight: number | null; digest: string | null };
  ballots: { cast: number; valid: number; invalid: number; blank: number; electronic: number };
  paper: CountingRecordPaper | null;
  options: CountingRecordOption[];
  result: {
    /** `elected`, `runoff`, `undecided`, `adopted`, `rejected`, `proposed`, `none_proposed`, `no_quorum`. */
    outcome: string;
    winners: string[];
    runoff: string[];
    threshold: number;
    /** `all_members`, `present_members` or `valid_votes`, and its value. */
    base: { kind: string; value: number };
    votesNeeded: number;
    quorum: { required: number; members: number; present: number; met: boolean };
    unresolvedTie: { among: string[]; places: number } | null;
  };
  tieBreaks: CountingRecordTieBreak[];
  drawSeed: string | null;
  /** The ledger entry that recorded the draw seed, when there was a draw. */
  drawSeedLedgerSeq: string | null;
  bulletinDigest: string | null;
  /** The counting board (ban kiểm phiếu) as the record names it, in the record's order. */
  board: string[];
  /** The counting board's and the secretariat's signatures over the record. */
  signatures: RecordSigner[];
}

const OPTION_COLUMNS: TableColumn[] = [
  { header: 'STT', weight: 0.6, align: 'center' },
  { header: 'Đơn vị / phương án', weight: 4.2 },
  { header: 'Số phiếu', weight: 1.2, align: 'right' },
  { header: 'Tỷ lệ trên cơ sở tính', weight: 1.6, align: 'right' },
  { header: 'Kết quả', weight: 1.9, align: 'center' },
];

function pollLines(data: CountingRecordData): [string, string][] {
  const { poll, meeting } = data;
  const lines: [string, string][] = [
    ['Hội nghị', `${meeting.title} (${formatDay(meeting.heldOn)}${meeting.place ? `, ${meeting.place}` : ''})`],
    ['Cuộc bỏ phiếu', `${poll.title} — lần bỏ phiếu thứ ${poll.round}`],
    ['Hình thức', METHOD_LABELS[poll.method] ?? poll.method],
  ];
  if (poll.parentPollId) lines.push(['Bầu lại sau lần bỏ phiếu', poll.parentPollId]);
  if (poll.awardCategory) {
    const { code, name } = poll.awardCategory;
    lines.push(['Danh hiệu đề nghị', name ? `${name} (${code})` : code]);
  }
  if (poll.motionText) lines.push(['Nội dung biểu quyết', poll.motionText]);
  lines.push([
    'Tình trạng',
    data.certification
      ? `Đã chứng nhận lúc ${formatInstant(data.certification.certifiedAt)}` +
        (data.certification.ledgerSeq ? ` (mục sổ cái số ${data.certification.ledgerSeq})` : '')
      : `CHƯA CHỨNG NHẬN (${data.signatures.length} chữ ký)`,
  ]);
  return lines;
}

function countLines(data: CountingRecordData): [string, string][] {
  const { attendance, roll, ballots, result, paper } = data;
  const quorum = result.quorum;
  const lines: [string, string][] = [
    ['Số đơn vị thành viên', formatInteger(attendance.members)],
    [
      'Số đơn vị có mặt',
      `${formatInteger(attendance.present)}/${formatInteger(quorum.members)} — yêu cầu tối thiểu ` +
        `${formatRatio(quorum.required)} số đơn vị thành viên: ${quorum.met ? 'đủ' : 'KHÔNG ĐỦ'}`,
    ],
  ];
  if (roll.size !== null) {
    const weight =
      roll.weight !== null && roll.weight !== roll.size ? ` (tổng số phiếu: ${formatInteger(roll.weight)})` : '';
    lines.push(['Danh sách cử tri', `${formatInteger(roll.size)} đơn vị${weight}`]);
  }
  if (paper) lines.push(['Số phiếu giấy phát ra', formatInteger(paper.ballotsIssued)]);
  lines.push(
    [
      'Số phiếu thu về',
      `${formatInteger(ballots.cast)} (điện tử ${formatInteger(ballots.electronic)}, ` +
        `giấy ${formatInteger(ballots.cast - ballots.electronic)})`,
    ],
    ['Số phiếu hợp lệ', formatInteger(ballots.valid)],
    ['Số phiếu trắng', formatInteger(ballots.blank)],
    ['Số phiếu không hợp lệ', formatInteger(ballots.invalid)],
    [
      'Ngưỡng',
      `từ ${formatRatio(result.threshold)} ${BASE_LABELS[result.base.kind] ?? result.base.kind} ` +
        `(${formatNumber(result.base.value)}) trở lên, tức ít nhất ${formatNumber(result.votesNeeded)} phiếu`,
    ],
  );
  return lines;
}

function drawPaper(record: RecordDocument, paper: CountingRecordPaper): void {
  record.heading('Kiểm phiếu giấy (mỗi thành viên Ban kiểm phiếu nhập độc lập)', 2);
  drawTable(
    record,
    [
      { header: 'Dòng của bảng kiểm', weight: 4 },
      { header: 'Số lượng đã khớp', weight: 1.4, align: 'right' },
    ],
    paper.sheet.map((line) => [line.label, formatInteger(line.count)]),
    { widthShare: 0.7 },
  );
  record.keyValues([
    ['Các bảng nhập khớp nhau', paper.agreeingMembers.length > 0 ? paper.agreeingMembers.join(', ') : '—'],
    ['Số dòng đã nhập', `${formatInteger(paper.entries)} (trong đó ${formatInteger(paper.corrections)} lần sửa)`],
  ]);
}

function drawTieBreaks(record: RecordDocument, data: CountingRecordData): void {
  if (data.tieBreaks.length === 0 && !data.drawSeed) return;
  record.heading('Phân định khi bằng phiếu', 2);
  if (data.tieBreaks.length > 0) {
    drawTable(
      record,
      [
        { header: 'Bằng phiếu giữa', weight: 4 },
        { header: 'Số vị trí', weight: 1, align: 'center' },
        { header: 'Phân định theo', weight: 2.6 },
        { header: 'Được chọn', weight: 3 },
      ],
      data.tieBreaks.map((tie) => [
        tie.among.join('; '),
        formatInteger(tie.places),
        TIE_BREAK_LABELS[tie.decidedBy] ?? tie.decidedBy,
        tie.selected.length > 0 ? tie.selected.join('; ') : '—',
      ]),
    );
  }
  if (data.drawSeed) {
    record.line([
      ['regular', 'Hạt giống bốc thăm: '],
      ['mono', data.drawSeed],
      ['regular', data.drawSeedLedgerSeq ? ` (mục sổ cái số ${data.drawSeedLedgerSeq})` : ''],
    ]);
  }
}

export function renderCountingRecord(data: CountingRecordData): Promise<Buffer> {
  const { poll, meeting, result } = data;
  const record = new RecordDocument({
    title: `Biên bản kiểm phiếu — ${poll.title} — ${data.cluster.name}`,
    kind: COUNTING_RECORD_KIND,
    frame: data,
  });
  record
    .nationalHeader(meeting.place ? placeAndDate(meeting.place, meeting.heldOn) : undefined)
    .title('BIÊN BẢN KIỂM PHIẾU', `${poll.title} — lần bỏ phiếu thứ ${poll.round}`)
    .paragraph(
      `Ngày ${formatDay(meeting.heldOn)}${meeting.place ? `, tại ${meeting.place}` : ''}, Ban kiểm phiếu của ` +
        `${data.cluster.name} gồm ${data.board.length > 0 ? data.board.join(', ') : '—'} đã kiểm phiếu và lập ` +
        'biên bản như sau.',
    );
  record.heading('I. Cuộc bỏ phiếu').keyValues(pollLines(data));
  record.heading('II. Số đơn vị, số phiếu').keyValues(countLines(data));
  if (data.paper) drawPaper(record, data.paper);

  const rows = data.options.map((option, index) => [
    String(index + 1),
    option.label,
    formatInteger(option.votes),
    formatShare(option.votes, result.base.value),
    optionVerdict(poll.kind, result.outcome, option),
  ]);
  // The result's heading, table and sentence read as one: together on a page when they fit one.
  record.ensureSpace(Math.min(tableHeight(record, OPTION_COLUMNS, rows) + 70, record.bottom - record.top));
  record.heading('III. Kết quả kiểm phiếu');
  drawTable(record, OPTION_COLUMNS, rows);
  record.paragraph(resultSentence(data), 'bold');
  const note = OUTCOME_NOTES[result.outcome];
  if (note) record.paragraph(note, 'italic', 9);
  drawTieBreaks(record, data);

  record.heading('IV. Dấu vết kiểm chứng');
  // The fixed-width face is for hashes only: it lacks some Vietnamese letters.
  record.line([
    ['regular', 'Mã băm danh sách cử tri: '],
    data.roll.digest ? ['mono', data.roll.digest] : ['regular', '—'],
  ]);
  record.line([
    ['regular', 'Mã băm bảng tin phiếu điện tử: '],
    data.bulletinDigest ? ['mono', data.bulletinDigest] : ['regular', '— (không có phiếu điện tử)'],
  ]);
  record.gap(4);

  record.heading('V. Chữ ký của Ban kiểm phiếu và Thường trực Cụm thi đua');
  drawSignatures(record, data.signatures, 'Chưa ai ký biên bản.');
  return record.finish();
}
