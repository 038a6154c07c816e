import { placeAndDate } from './handover-record';
import { RecordDocument } from './record-document';
import type { RecordFrame, RecordParty, RecordSigner } from './record-parts';
import { drawSignatures } from './record-signatures';
import { drawTable } from './record-table';
import { formatDay, formatInteger, formatShare } from './vietnamese-format';

export const COUNTING_RECORD_KIND = 'thidua.counting-record';

export interface CountingRecordCandidate {
  unit: RecordParty;
  /** Ballots in favour. */
  votes: number;
  elected: boolean;
}

/** What the share of votes is taken over, as the adopted rules say. */
export type CountingBase = 'members' | 'present' | 'valid_ballots';

/** The vote-counting record (biên bản kiểm phiếu) of one round of a poll, as printed. */
export interface CountingRecordData extends RecordFrame {
  cycle: { year: number };
  poll: {
    id: string;
    /** e.g. "Bầu Cụm trưởng năm 2012". */
    title: string;
    round: number;
    method: 'paper' | 'electronic' | 'mixed';
    /** 'YYYY-MM-DD'. */
    heldOn: string;
    place: string | null;
  };
  electorate: { members: number; present: number; quorumRequired: number; quorumMet: boolean };
  ballots: { issued: number; returned: number; valid: number; invalid: number };
  /** Elected with `percent`% of `base` (strictly more than it when `strictlyMore`). */
  threshold: { percent: string; base: CountingBase; strictlyMore: boolean };
  candidates: CountingRecordCandidate[];
  /** The counting board (ban kiểm phiếu), its head first. */
  board: string[];
  signatures: RecordSigner[];
}

const METHOD_LABELS: Record<CountingRecordData['poll']['method'], string> = {
  paper: 'Bỏ phiếu kín bằng phiếu giấy',
  electronic: 'Bỏ phiếu kín điện tử',
  mixed: 'Bỏ phiếu kín bằng phiếu giấy và điện tử',
};

const BASE_LABELS: Record<CountingBase, string> = {
  members: 'tổng số đơn vị thành viên',
  present: 'số đơn vị có mặt',
  valid_ballots: 'số phiếu hợp lệ',
};

function baseCount(data: CountingRecordData): number {
  const { threshold, electorate, ballots } = data;
  return threshold.base === 'members'
    ? electorate.members
    : threshold.base === 'present'
      ? electorate.present
      : ballots.valid;
}

export function renderCountingRecord(data: CountingRecordData): Promise<Buffer> {
  const { poll, electorate, ballots, threshold } = data;
  const record = new RecordDocument({
    title: `Biên bản kiểm phiếu — ${poll.title} — ${data.cluster.name}`,
    kind: COUNTING_RECORD_KIND,
    frame: data,
  });
  const [head, ...members] = data.board;
  const base = baseCount(data);
  record
    .nationalHeader(poll.place ? placeAndDate(poll.place, poll.heldOn) : undefined)
    .title('BIÊN BẢN KIỂM PHIẾU', `${poll.title} — vòng ${poll.round}`)
    .paragraph(
      `Ngày ${formatDay(poll.heldOn)}${poll.place ? `, tại ${poll.place}` : ''}, Ban kiểm phiếu của ${data.cluster.name} ` +
        `gồm ${head ? `${head} (Trưởng ban)` : '—'}${members.length > 0 ? `, ${members.join(', ')}` : ''} ` +
        'đã kiểm phiếu và lập biên bản như sau.',
    )
    .keyValues([
      ['Hình thức', METHOD_LABELS[poll.method]],
      ['Số đơn vị thành viên', formatInteger(electorate.members)],
      [
        'Số đơn vị có mặt',
        `${formatInteger(electorate.present)} (cần ${formatInteger(electorate.quorumRequired)}: ` +
          `${electorate.quorumMet ? 'đủ' : 'không đủ'} số lượng)`,
      ],
      ['Số phiếu phát ra', formatInteger(ballots.issued)],
      ['Số phiếu thu về', formatInteger(ballots.returned)],
      ['Số phiếu hợp lệ', formatInteger(ballots.valid)],
      ['Số phiếu không hợp lệ', formatInteger(ballots.invalid)],
      [
        'Ngưỡng trúng cử',
        `${threshold.strictlyMore ? 'trên' : 'từ'} ${threshold.percent.replace('.', ',')}% ${BASE_LABELS[threshold.base]}`,
      ],
    ]);
  record.heading('Kết quả kiểm phiếu');
  drawTable(
    record,
    [
      { header: 'STT', weight: 0.6, align: 'center' },
      { header: 'Đơn vị', weight: 4.4 },
      { header: 'Số phiếu đồng ý', weight: 1.5, align: 'right' },
      { header: `Tỷ lệ (trên ${BASE_LABELS[threshold.base]})`, weight: 1.9, align: 'right' },
      { header: 'Kết quả', weight: 1.3, align: 'center' },
    ],
    data.candidates.map((candidate, index) => [
      String(index + 1),
      candidate.unit.name,
      formatInteger(candidate.votes),
      formatShare(candidate.votes, base),
      candidate.elected ? 'Trúng cử' : '—',
    ]),
  );
  const elected = data.candidates.filter((candidate) => candidate.elected).map((candidate) => candidate.unit.name);
  record.paragraph(
    elected.length > 0 ? `Trúng cử: ${elected.join('; ')}.` : 'Không đơn vị nào đạt ngưỡng trúng cử ở vòng này.',
    'bold',
  );
  record.heading('Chữ ký của Ban kiểm phiếu');
  drawSignatures(record, data.signatures, 'Ban kiểm phiếu chưa ký biên bản.');
  return record.finish();
}
