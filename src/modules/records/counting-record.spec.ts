import { pdfText } from '../../../test/utils/pdf-text';
import { hex, province, sampleCountingRecord } from '../../../test/utils/record-samples';
import { renderCountingRecord } from './counting-record';

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe(renderCountingRecord.name, () => {
  it('prints the count: attendance and quorum, ballots, the paper sheet, each option with votes and share, the board', async () => {
    const data = sampleCountingRecord();
    const pdf = await renderCountingRecord(data);
    const text = squeeze(await pdfText(pdf));
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain('Bầu Cụm trưởng năm 2012 — lần bỏ phiếu thứ 1');
    expect(text).toContain('gồm Nguyễn Thị Kiểm, Trần Văn Phiếu, Đặng Thị Ước đã kiểm phiếu');
    expect(text).toContain('Hình thức Bỏ phiếu kín bằng phiếu giấy');
    expect(text).toContain('Số đơn vị có mặt 7/7 — yêu cầu tối thiểu 2/3 số đơn vị thành viên: đủ');
    expect(text).toContain('Số phiếu thu về 7 (điện tử 0, giấy 7)');
    expect(text).toContain('Số phiếu hợp lệ 7');
    expect(text).toContain('Ngưỡng từ 50% số phiếu của toàn thể đơn vị thành viên (7) trở lên, tức ít nhất 3,5 phiếu');
    expect(text).toContain('Phiếu cho Liên minh Hợp tác xã tỉnh Sơn La 6');
    expect(text).toContain('Các bảng nhập khớp nhau Nguyễn Thị Kiểm, Trần Văn Phiếu');
    expect(text).toContain('Số dòng đã nhập 12 (trong đó 1 lần sửa)');
    expect(text).toContain('1 Liên minh Hợp tác xã tỉnh Sơn La 6 85,71% Trúng cử');
    expect(text).toContain('2 Liên minh Hợp tác xã tỉnh Điện Biên 1 14,29% Không đạt');
    expect(text).toContain('Kết quả: Liên minh Hợp tác xã tỉnh Sơn La trúng cử.');
    expect(text).toContain('Đã chứng nhận lúc 21/11/2011 14:00:00 (UTC+7) (mục sổ cái số 600)');
    expect(text.split('Thành viên Ban kiểm phiếu').length - 1).toBe(3);
    expect(text).toContain('Thường trực (thư ký) Cụm thi đua');
    expect(text).toContain(`Mã băm danh sách cử tri: ${hex('roll')}`);
    expect(text).toContain('Mã băm bảng tin phiếu điện tử: — (không có phiếu điện tử)');
    expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${data.seal.digest}`);
    expect((await renderCountingRecord(sampleCountingRecord())).equals(pdf)).toBe(true);
  });

  it('says a runoff, the tie-break and the draw seed, and "not certified" in the status and footer', async () => {
    const data = sampleCountingRecord();
    const [sonLa, dienBien] = [data.options[0].label, data.options[1].label];
    const laiChau = province('lai-chau', 'Lai Châu').name;
    data.poll.method = 'electronic';
    data.paper = null;
    data.ballots = { cast: 7, valid: 6, invalid: 0, blank: 1, electronic: 7 };
    data.options = [
      { ...data.options[0], votes: 3, passes: false, winner: false, runoff: true },
      { ...data.options[1], votes: 2, passes: false, winner: false, runoff: true },
      { unit: null, label: laiChau, votes: 2, passes: false, winner: false, runoff: false },
    ];
    data.result = {
      ...data.result,
      outcome: 'runoff',
      winners: [],
      runoff: [sonLa, dienBien],
      threshold: 0.8,
      votesNeeded: 5.6,
    };
    data.tieBreaks = [{ among: [dienBien, laiChau], places: 1, decidedBy: 'recorded_draw', selected: [dienBien] }];
    data.drawSeed = hex('seed');
    data.drawSeedLedgerSeq = '590';
    data.certification = null;
    data.seal = { ...data.seal, sealed: false, pendingLabel: 'CHƯA CHỨNG NHẬN' };
    const text = squeeze(await pdfText(await renderCountingRecord(data)));
    expect(text).toContain('Số phiếu trắng 1');
    expect(text).toContain('Ngưỡng từ 80% số phiếu của toàn thể đơn vị thành viên (7) trở lên, tức ít nhất 5,6 phiếu');
    expect(text).toContain(`1 ${sonLa} 3 42,86% Vào lần bỏ phiếu sau`);
    expect(text).toContain(`3 ${laiChau} 2 28,57% Không đạt`);
    expect(text).toContain(`Kết quả: không đơn vị nào đạt ngưỡng; bỏ phiếu lần thứ 2 giữa ${sonLa} và ${dienBien}.`);
    // Cells wrap: the tie-break's row is read cell by cell.
    expect(text).toContain('Phân định khi bằng phiếu Bằng phiếu giữa Số vị trí Phân định theo Được chọn');
    expect(text).toMatch(
      /Điện Biên; 1 Bốc thăm \(hạt giống ghi Liên minh Hợp tác xã tỉnh Liên minh Hợp tác xã tỉnh Lai Châu/,
    );
    expect(text).toContain(`Hạt giống bốc thăm: ${hex('seed')} (mục sổ cái số 590)`);
    expect(text).toContain('Tình trạng CHƯA CHỨNG NHẬN (4 chữ ký)');
    expect(text).toContain('CHƯA CHỨNG NHẬN · dữ liệu đến mục sổ cái số 600');
    expect(text).not.toContain('Kiểm phiếu giấy');
  });

  it('prints a motion by its yes and no, and an award proposal by its category', async () => {
    const motion = sampleCountingRecord();
    motion.poll = {
      ...motion.poll,
      kind: 'motion',
      title: 'Thông qua quy chế',
      motionText: 'Thông qua quy chế khen thưởng',
    };
    motion.options = [
      { unit: null, label: 'Đồng ý', votes: 6, passes: true, winner: true, runoff: false },
      { unit: null, label: 'Không đồng ý', votes: 1, passes: false, winner: false, runoff: false },
    ];
    motion.result = { ...motion.result, outcome: 'adopted', winners: ['Đồng ý'] };
    const text = squeeze(await pdfText(await renderCountingRecord(motion)));
    expect(text).toContain('Nội dung biểu quyết Thông qua quy chế khen thưởng');
    expect(text).toContain('1 Đồng ý 6 85,71% Thông qua');
    expect(text).toContain('2 Không đồng ý 1 14,29% —');
    expect(text).toContain('Kết quả: nội dung biểu quyết được thông qua.');

    const award = sampleCountingRecord();
    award.poll = {
      ...award.poll,
      kind: 'award_proposal',
      awardCategory: { code: 'GOV_FLAG', name: 'Cờ thi đua của Chính phủ' },
    };
    award.result = { ...award.result, outcome: 'proposed' };
    const awardText = squeeze(await pdfText(await renderCountingRecord(award)));
    expect(awardText).toContain('Danh hiệu đề nghị Cờ thi đua của Chính phủ (GOV_FLAG)');
    expect(awardText).toContain('1 Liên minh Hợp tác xã tỉnh Sơn La 6 85,71% Được đề nghị');
    expect(awardText).toContain('Kết quả: đề nghị tặng Cờ thi đua của Chính phủ cho Liên minh Hợp tác xã tỉnh Sơn La.');
  });
});
