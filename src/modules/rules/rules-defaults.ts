import type { RulesContent } from './rules-content';

/**
 * The content a new rules version starts from when the secretariat sends none. Every value is a
 * default of the data, never a constant of the code: each version may change any of them. The
 * sources are those of DOMAIN.md ("Sourced defaults"); docs/domain/rules-defaults.md lists them
 * and says which are unconfirmed. A fresh object on every call, so callers may change it.
 */
export function defaultRulesContent(): RulesContent {
  return {
    scoring: {
      // Criteria tree with a maximum of 100 — the pattern of existing scoring systems; whether
      // the official scale is 100 or 1000 is unconfirmed. Only leaves carry points.
      criteria: [
        {
          code: 'A',
          name: 'Công tác tổ chức, xây dựng Liên minh',
          maxPoints: 30,
          children: [
            { code: 'A1', name: 'Củng cố tổ chức bộ máy, xây dựng đội ngũ cán bộ', maxPoints: 10 },
            { code: 'A2', name: 'Phát triển thành viên, tuyên truyền Luật Hợp tác xã', maxPoints: 10 },
            { code: 'A3', name: 'Chế độ thông tin, báo cáo với Cụm và Liên minh HTX Việt Nam', maxPoints: 10 },
          ],
        },
        {
          code: 'B',
          name: 'Hỗ trợ phát triển kinh tế tập thể',
          maxPoints: 45,
          children: [
            { code: 'B1', name: 'Thành lập mới hợp tác xã, tổ hợp tác', maxPoints: 15 },
            { code: 'B2', name: 'Tư vấn, hỗ trợ tiếp cận vốn, đào tạo, xúc tiến thương mại', maxPoints: 15 },
            { code: 'B3', name: 'Hiệu quả hoạt động của các hợp tác xã thành viên', maxPoints: 15 },
          ],
        },
        {
          code: 'C',
          name: 'Phong trào thi đua, khen thưởng',
          maxPoints: 25,
          children: [
            { code: 'C1', name: 'Phát động và ký kết giao ước thi đua', maxPoints: 10 },
            { code: 'C2', name: 'Sơ kết, tổng kết, nhân rộng điển hình tiên tiến', maxPoints: 10 },
            { code: 'C3', name: 'Tham gia các hoạt động chung của Cụm', maxPoints: 5 },
          ],
        },
      ],
      // Bonus and penalty per occurrence with a cap: the same scoring pattern; the amounts are ours
      // (unconfirmed).
      bonus: [
        { code: 'BONUS-MODEL', name: 'Mô hình, sáng kiến mới được Liên minh HTX Việt Nam ghi nhận', points: 1, cap: 3 },
        { code: 'BONUS-TASK', name: 'Hoàn thành xuất sắc nhiệm vụ đột xuất được giao', points: 1, cap: 2 },
      ],
      penalty: [
        { code: 'PEN-LATE-REPORT', name: 'Báo cáo chậm hoặc không đúng quy định', points: 1, cap: 5 },
        { code: 'PEN-VIOLATION', name: 'Để xảy ra vi phạm kỷ luật trong đơn vị', points: 2, cap: 6 },
      ],
    },
    awardCategories: [
      {
        code: 'GOV-FLAG',
        nameVi: 'Cờ thi đua của Chính phủ',
        nameEn: "The Government's emulation flag",
        level: 'government_flag',
        // 20% of the units that qualify for the level below: Decree 91/2017 Art. 11 (superseded;
        // the current value is unconfirmed).
        quotaShare: 0.2,
        // Only units that qualify for the alliance flag; the minimum score is ours (unconfirmed).
        eligibility: { requiresCategory: 'ALLIANCE-FLAG', requiresSealedPledge: true, minFinalScore: 90 },
      },
      {
        code: 'ALLIANCE-FLAG',
        nameVi: 'Cờ thi đua của Liên minh HTX Việt Nam',
        nameEn: 'The emulation flag of the Vietnam Cooperative Alliance',
        level: 'alliance_flag',
        // One leading unit per cluster per year, only member units: Law 06/2022 Art. 26(1) as
        // applied by Circular 15/2025/TT-BXD Art. 10; Bắc Ninh 86/2025 Art. 3. The leading unit
        // must be the highest scored, hence the adopted ranking.
        quotaCount: 1,
        eligibility: { requiresSealedPledge: true, requiresAdoptedRanking: true, minFinalScore: 80 },
      },
      {
        code: 'MERIT',
        nameVi: 'Bằng khen',
        nameEn: 'Certificate of merit',
        level: 'certificate_of_merit',
        // No quota and a minimum score of our own (unconfirmed).
        eligibility: { requiresSealedPledge: true, minFinalScore: 70 },
      },
    ],
    voting: {
      // Two thirds of the members: Decree 98/2023 Art. 47(4)(b); Bắc Ninh 86/2025/QĐ-UBND Art. 8.
      quorum: 2 / 3,
      // 80% of the members at award sessions (90% for the highest titles): Bắc Ninh 86/2025 Art. 8;
      // Decree 98/2023 Art. 47.
      awardQuorum: 0.8,
      // Emulation flags need 80% agreeing over ALL members, absent members voting in writing:
      // Decree 98/2023 Art. 30(7); whether Decree 152/2025 keeps it is unconfirmed.
      passingThreshold: 0.8,
      thresholdBase: 'all_members',
      // How abstentions and invalid ballots count is not in the sources: an abstention is a cast
      // ballot that does not agree; an invalid ballot is not a valid vote (unconfirmed).
      abstentionsCountAsCast: true,
      invalidBallotsCountAsCast: false,
      // At most 2 ballots in a round, then the leader and deputy decide: Circular 01/2024/TT-TANDTC
      // Art. 29 (courts' clusters; a policy default).
      maxBallotsPerRound: 2,
      // A run-off between the top two is our default (unconfirmed).
      runoff: 'top_two',
      // The stronger record first, then preference for a woman-led unit (or ≥ 70% women):
      // Circular 01/2024/TT-TANDTC Art. 29; Decree 152/2025 Art. 4(6). A recorded draw last.
      tieBreak: ['higher_final_score', 'women_led_unit', 'recorded_draw'],
    },
    // One-year term, elected at the year-end meeting, rotation common: guidance 1122/BTĐKT-VI
    // (2011); customs practice under 969/BTC-TĐKT. A fixed rotation order is unconfirmed: none.
    leaderRotation: { outgoingLeaderEligible: false },
    // The cluster leader unit organises the year and signs for the cluster (our default, unconfirmed).
    pledge: { countersignedBy: 'cluster_leader_head' },
    // null: two thirds of the current member units (rounded up) — the council quorum above.
    adoptionApprovals: null,
  };
}
