import type { CountingRecordData, CountingRecordOption } from './counting-record';

// How a counting record says, in Vietnamese, what the stored tally says in codes.

export const METHOD_LABELS: Readonly<Record<string, string>> = {
  paper: 'Bỏ phiếu kín bằng phiếu giấy',
  electronic: 'Bỏ phiếu kín điện tử',
  mixed: 'Bỏ phiếu kín bằng phiếu giấy và điện tử',
};

/** What the threshold is a share of (the rules' `thresholdBase`). */
export const BASE_LABELS: Readonly<Record<string, string>> = {
  all_members: 'số phiếu của toàn thể đơn vị thành viên',
  present_members: 'số phiếu của các đơn vị có mặt',
  valid_votes: 'số phiếu tính kết quả',
};

export const TIE_BREAK_LABELS: Readonly<Record<string, string>> = {
  higher_final_score: 'Điểm tổng kết cao hơn',
  women_led_unit: 'Ưu tiên đơn vị có thủ trưởng là nữ hoặc từ 70% nữ',
  recorded_draw: 'Bốc thăm (hạt giống ghi trong sổ cái)',
};

/** Read under the result sentence, when the outcome leaves a step to someone. */
export const OUTCOME_NOTES: Readonly<Record<string, string>> = {
  undecided:
    'Theo quy chế, Cụm trưởng và Cụm phó (hoặc cấp có thẩm quyền) quyết định, ưu tiên đơn vị có thành tích cao hơn.',
};

/** The "Kết quả" cell of an option's row. */
export function optionVerdict(kind: string, outcome: string, option: CountingRecordOption): string {
  if (outcome === 'no_quorum') return '—';
  if (option.winner) return kind === 'motion' ? 'Thông qua' : kind === 'award_proposal' ? 'Được đề nghị' : 'Trúng cử';
  if (option.runoff) return 'Vào lần bỏ phiếu sau';
  if (kind === 'motion') return '—';
  return option.passes ? 'Đạt ngưỡng' : 'Không đạt';
}

/** The sentence that states the result, in bold under the table. */
export function resultSentence(data: CountingRecordData): string {
  const { result, poll } = data;
  switch (result.outcome) {
    case 'elected':
      return `Kết quả: ${result.winners.join('; ')} trúng cử.`;
    case 'runoff':
      return (
        `Kết quả: không đơn vị nào đạt ngưỡng; bỏ phiếu lần thứ ${poll.round + 1} giữa ` +
        `${result.runoff.join(' và ')}.`
      );
    case 'undecided':
      return result.unresolvedTie
        ? `Chưa có kết quả: ${result.unresolvedTie.among.join('; ')} bằng phiếu cho ${result.unresolvedTie.places} ` +
            'vị trí và các tiêu chí phân định của quy chế không tách được.'
        : 'Chưa có kết quả: không đơn vị nào đạt ngưỡng và quy chế không cho bỏ phiếu thêm lần nữa.';
    case 'adopted':
      return 'Kết quả: nội dung biểu quyết được thông qua.';
    case 'rejected':
      return 'Kết quả: nội dung biểu quyết không được thông qua.';
    case 'proposed': {
      const category = poll.awardCategory?.name ?? poll.awardCategory?.code ?? '';
      return `Kết quả: đề nghị tặng ${category} cho ${result.winners.join('; ')}.`;
    }
    case 'none_proposed':
      return 'Kết quả: không đơn vị nào được đề nghị.';
    case 'no_quorum':
      return 'Kết quả: không đủ số đơn vị có mặt theo quy chế; cuộc bỏ phiếu không có giá trị.';
    default:
      return `Kết quả: ${result.outcome}.`;
  }
}
