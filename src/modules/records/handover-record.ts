import { RecordDocument } from './record-document';
import type { RecordFrame, RecordParty, RecordSigner } from './record-parts';
import { drawSignatures } from './record-signatures';
import { drawTable } from './record-table';
import { formatDay, formatInstant } from './vietnamese-format';

export const HANDOVER_RECORD_KIND = 'thidua.flag-handover-record';

/** A link of the flag's chain of custody that the handover began or ended (its start only: it stays as printed). */
export interface HandoverCustodyLine {
  position: number;
  /** `held` or `in_transit`. */
  state: string;
  custodian: string | null;
  /** `registered`, `released`, `received`, `handover_cancelled`. */
  cause: string;
  startedAt: string;
}

/**
 * The handover of the rotating flag (biên bản bàn giao cờ luân lưu) as printed: the signed record
 * (date, place, from, to, witnesses, the election it executes) with both heads' signatures.
 */
export interface HandoverRecordData extends RecordFrame {
  cycle: { year: number };
  handover: {
    id: string;
    /** `opened`, `released`, `completed` or `cancelled`. */
    status: string;
    /** The day of the ceremony, 'YYYY-MM-DD'. */
    date: string;
    place: string;
    witnesses: string[];
    releasedAt: string | null;
    completedAt: string | null;
    cancelledAt: string | null;
    cancelReason: string | null;
  };
  flag: { name: string; description: string | null };
  from: RecordParty;
  to: RecordParty;
  /** The certified leader election the handover executes; its poll's title and counting record, when stored. */
  election: {
    pollId: string;
    termYear: number;
    poll: { title: string; certifiedAt: string | null; countingRecordDigest: string | null } | null;
  };
  /** The period the flag was held in before, and those the handover began, oldest first. */
  custody: HandoverCustodyLine[];
  /** The outgoing custodian's head, then the incoming leader's head. */
  signatures: RecordSigner[];
}

function statusLine(handover: HandoverRecordData['handover']): string {
  switch (handover.status) {
    case 'completed':
      return `Đã hoàn tất: bên giao ký lúc ${formatInstant(handover.releasedAt!)}, bên nhận ký lúc ${formatInstant(handover.completedAt!)}`;
    case 'released':
      return `Bên giao đã ký lúc ${formatInstant(handover.releasedAt!)}; chờ bên nhận ký (cờ đang được chuyển giao)`;
    case 'cancelled':
      return `ĐÃ HỦY lúc ${formatInstant(handover.cancelledAt!)}. Lý do: ${handover.cancelReason ?? '—'}`;
    default:
      return 'Đã lập, chờ bên giao ký';
  }
}

function electionLine(election: HandoverRecordData['election']): string {
  const poll = election.poll;
  if (!poll) return `Kết quả bầu Cụm trưởng năm ${election.termYear} đã được chứng nhận (cuộc bầu ${election.pollId})`;
  const certified = poll.certifiedAt ? `, chứng nhận lúc ${formatInstant(poll.certifiedAt)}` : '';
  return `Kết quả bầu Cụm trưởng năm ${election.termYear}: "${poll.title}"${certified} (cuộc bầu ${election.pollId})`;
}

const CAUSE_LABELS: Readonly<Record<string, string>> = {
  registered: 'Đăng ký cờ',
  released: 'Bên giao ký bàn giao',
  received: 'Bên nhận ký nhận cờ',
  handover_cancelled: 'Hủy bàn giao, cờ trở lại bên giao',
};

/** Calendar day as Vietnamese records date themselves: "Lạng Sơn, ngày 21 tháng 11 năm 2011". */
export function placeAndDate(place: string, day: string): string {
  const [dd, mm, yyyy] = formatDay(day).split('/');
  return `${place}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

export function renderHandoverRecord(data: HandoverRecordData): Promise<Buffer> {
  const { handover, flag } = data;
  const record = new RecordDocument({
    title: `Biên bản bàn giao cờ luân lưu năm ${data.cycle.year} — ${data.cluster.name}`,
    kind: HANDOVER_RECORD_KIND,
    frame: data,
  });
  record
    .nationalHeader(placeAndDate(handover.place, handover.date))
    .title('BIÊN BẢN BÀN GIAO CỜ LUÂN LƯU', `${data.cluster.name} — Cụm trưởng năm ${data.election.termYear}`)
    .paragraph(
      `Hôm nay, ngày ${formatDay(handover.date)}, tại ${handover.place}, ${data.from.name} (đơn vị đang giữ cờ) ` +
        `bàn giao cờ luân lưu "${flag.name}" của ${data.cluster.name} cho ${data.to.name}, đơn vị được bầu ` +
        `làm Cụm trưởng năm ${data.election.termYear}.`,
    )
    .keyValues([
      ['Cờ luân lưu', flag.description ? `${flag.name} — ${flag.description}` : flag.name],
      ['Bên giao', data.from.name],
      ['Bên nhận', data.to.name],
      ['Căn cứ', electionLine(data.election)],
      ['Người chứng kiến', handover.witnesses.length > 0 ? handover.witnesses.join('; ') : '—'],
      ['Năm thi đua', String(data.cycle.year)],
      ['Tình trạng', statusLine(handover)],
    ]);
  const countingDigest = data.election.poll?.countingRecordDigest;
  if (countingDigest) {
    record.line([
      ['regular', 'Mã băm biên bản kiểm phiếu đã chứng nhận: '],
      ['mono', countingDigest],
    ]);
  }
  if (data.custody.length > 0) {
    record.heading('Trách nhiệm giữ cờ');
    drawTable(
      record,
      [
        { header: 'STT', weight: 0.6, align: 'center' },
        { header: 'Từ lúc', weight: 3 },
        { header: 'Đơn vị chịu trách nhiệm giữ cờ', weight: 4 },
        { header: 'Căn cứ', weight: 2.6 },
      ],
      data.custody.map((line) => [
        String(line.position),
        formatInstant(line.startedAt),
        line.state === 'in_transit' ? 'Đang chuyển giao' : (line.custodian ?? '—'),
        CAUSE_LABELS[line.cause] ?? line.cause,
      ]),
    );
  }
  record.heading('Chữ ký của hai bên');
  drawSignatures(record, data.signatures, 'Chưa bên nào ký biên bản.');
  return record.finish();
}
