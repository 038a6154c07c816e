/**
 * What the 2011 replay says and decides, in one place: the cluster and its 7 provincial alliances
 * (as in the source text and src/database/demo-data.ts), the people and their accounts, the pledge,
 * the scores and the ballots. Where the source is silent (targets, scores, who voted for whom), the
 * values are ours and only need to be plausible; what the source states (the totals, Sơn La
 * elected, the flag handed to it) is what the replay must end with.
 */
export const CLUSTER = {
  code: 'bien-gioi-phia-bac',
  name: 'Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc',
  description:
    'Liên minh HTX 7 tỉnh miền núi biên giới phía Bắc: Sơn La, Lai Châu, Điện Biên, Hà Giang, Cao Bằng, Lào Cai, Lạng Sơn.',
};

export const NATIONAL_ALLIANCE = {
  code: 'lmhtx-viet-nam',
  name: 'Liên minh Hợp tác xã Việt Nam',
  shortName: 'Liên minh HTX Việt Nam',
  kind: 'national_alliance' as const,
};

export const UNITS = [
  { code: 'son-la', province: 'Sơn La' },
  { code: 'lai-chau', province: 'Lai Châu' },
  { code: 'dien-bien', province: 'Điện Biên' },
  { code: 'ha-giang', province: 'Hà Giang' },
  { code: 'cao-bang', province: 'Cao Bằng' },
  { code: 'lao-cai', province: 'Lào Cai' },
  { code: 'lang-son', province: 'Lạng Sơn' },
] as const;
export type UnitCode = (typeof UNITS)[number]['code'];
export const unitName = (province: string) => `Liên minh Hợp tác xã tỉnh ${province}`;

/** The first year of the replay: memberships and mandates start with it. */
export const YEAR = 2011;
export const FROM_2011 = '2011-01-01T00:00:00+07:00';

export const SECRETARIAT = ['thuky1@thidua.local', 'thuky2@thidua.local'] as const;
export const officer = (code: string) => `canbo.${code}@thidua.local`;
export const head = (code: string) => `chutich.${code}@thidua.local`;
export const delegate = (code: string) => `daibieu.${code}@thidua.local`;

/** The 2011 leader unit: the meeting's host. That it led the cluster is an assumption (see pledges.md). */
export const LEADER_2011: UnitCode = 'lang-son';
export const LEADER_2011_NOTE =
  'Giả định: nguồn chỉ nêu hội nghị giao ban cụm ngày 21/11/2011 được tổ chức tại Lạng Sơn (đơn vị đăng cai).';
export const ELECTED_2012: UnitCode = 'son-la';

export const FLAG = {
  name: 'Cờ luân lưu Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc',
  description: 'Cờ thi đua luân lưu của Cụm, trao cho đơn vị cụm trưởng mỗi năm.',
};

export const MEETING = {
  title: 'Hội nghị giao ban Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc năm 2011',
  heldOn: '2011-11-21',
  place: 'Nhà khách A1, thành phố Lạng Sơn',
  agenda: [
    { title: 'Báo cáo kết quả hoạt động kinh tế tập thể 7 tỉnh năm 2011' },
    { title: 'Thông qua kết quả chấm điểm thi đua năm 2011' },
    { title: 'Bầu cụm trưởng năm 2012', note: 'Bỏ phiếu kín' },
    { title: 'Trao cờ luân lưu cho đơn vị cụm trưởng mới' },
  ],
  witnesses: ['Phó Chủ tịch UBND tỉnh Lạng Sơn', 'Phó Chủ tịch Liên minh HTX Việt Nam'],
};

/** The shared text, from the orientation the source reports for the coming year. */
export const PLEDGE_TEXT =
  'Các Liên minh HTX tỉnh trong Cụm cam kết: tiếp tục đẩy mạnh tuyên truyền Luật HTX; đại diện và bảo vệ ' +
  'quyền, lợi ích hợp pháp chính đáng của HTX; củng cố tổ chức và nâng cao chất lượng hoạt động của Liên minh ' +
  'HTX tỉnh; hướng dẫn các đơn vị thành viên khắc phục hạn chế yếu kém, phát triển các mô hình HTX mới đa dạng, ' +
  'đa ngành nghề; tham gia sửa đổi Luật HTX năm 2003 và các chính sách về kinh tế tập thể.';

/** A unit's targets for the year: what it then founded and admitted (its results report) was its target. */
export function pledgeTargets(figures: { newCooperatives: number; newMemberCooperatives: number }) {
  return [
    { indicator: 'Số HTX thành lập mới', unitOfMeasure: 'HTX', targetValue: String(figures.newCooperatives) },
    {
      indicator: 'Số HTX thành viên kết nạp mới',
      unitOfMeasure: 'HTX',
      targetValue: String(figures.newMemberCooperatives),
    },
    { indicator: 'Hội nghị tuyên truyền Luật HTX', unitOfMeasure: 'hội nghị', targetValue: '4' },
  ];
}

/** Signing keys: half Ed25519, half P-256 (both accepted). */
export const KEY_KIND = (index: number) => (index % 2 === 0 ? 'ed25519' : 'p256');
/**
 * The units put forward for the 2012 leader: Sơn La and Lai Châu, and Lạng Sơn, which the rotation
 * rule refuses. The counting board is two delegates of present units not on the ballot — Lạng Sơn's
 * and Lào Cai's — proposed by the secretariat and confirmed by the meeting's hands.
 */
export const LEADER_CANDIDATES = ['son-la', 'lai-chau', LEADER_2011] as const;
export const COUNTING_BOARD = [delegate(LEADER_2011), delegate('lao-cai')];

/**
 * Self scores on the default criteria (A1–A3, B1–B3 of 10/15 points; C1–C2 of 10, C3 of 5) and
 * bonus/penalty items. Totals: Sơn La 93.50, Lạng Sơn 91.00, Lai Châu 84.00, Điện Biên 83.50,
 * Hà Giang 81.00, Cao Bằng 78.00, Lào Cai 75.00 before review.
 */
export const SELF_SCORES: Record<UnitCode, Record<string, string>> = {
  'son-la': s([9.5, 9, 9, 14, 13.5, 13, 9.5, 9, 5], { 'BONUS-MODEL': '2' }),
  'lang-son': s([9, 9, 9.5, 13.5, 13, 13, 9, 9, 5], { 'BONUS-TASK': '1' }),
  'lai-chau': s([8.5, 8, 9, 12, 12.5, 12, 9, 8.5, 4.5]),
  'dien-bien': s([8.5, 8.5, 9, 12.5, 12, 12, 8.5, 8.5, 4]),
  'ha-giang': s([8, 8, 8.5, 12, 11.5, 12, 8.5, 8, 4.5]),
  'cao-bang': s([8, 8, 8, 11.5, 11.5, 11, 8, 8, 4]),
  'lao-cai': s([8, 7.5, 8, 11, 11, 11, 8, 7.5, 4], { 'PEN-LATE-REPORT': '1' }),
};
function s(leaves: number[], extra: Record<string, string> = {}): Record<string, string> {
  const codes = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3'];
  return { ...Object.fromEntries(codes.map((code, i) => [code, leaves[i].toFixed(2)])), ...extra };
}

/** Cross-review: each unit is checked by the officer of the next unit in the list (never its own). */
export const reviewerOf = (index: number) => officer(UNITS[(index + 1) % UNITS.length].code);
/** The one line the reviewers correct, the unit's explanation, and the secretariat's final. */
export const REVIEW_CORRECTION = {
  unit: 'lao-cai' as UnitCode,
  item: 'B1',
  reviewedScore: '10.00',
  comment: 'Hồ sơ chỉ chứng minh 10 HTX thành lập mới có giấy chứng nhận đăng ký trong năm.',
  explanation: 'Hai HTX còn lại đã nộp hồ sơ đăng ký trước ngày 31/10/2011, đang chờ cấp giấy chứng nhận.',
  finalScore: '10.50',
  finalReason: 'Chấp nhận một phần giải trình: tính nửa điểm cho hồ sơ đã nộp.',
};

/** The secret ballot for the 2012 leader, by voting unit: 6 of 7 for Sơn La (80% of all members needs 5.6). */
export const LEADER_VOTES: Record<UnitCode, UnitCode> = {
  'son-la': 'lai-chau',
  'lai-chau': 'son-la',
  'dien-bien': 'son-la',
  'ha-giang': 'son-la',
  'cao-bang': 'son-la',
  'lao-cai': 'son-la',
  'lang-son': 'son-la',
};
