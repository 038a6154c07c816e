import { pdfText } from '../../../test/utils/pdf-text';
import { sampleCountingRecord } from '../../../test/utils/record-samples';
import { renderCountingRecord } from './counting-record';

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe(renderCountingRecord.name, () => {
  it('prints the count: attendance and quorum, ballots, each candidate with votes and share, the board', async () => {
    const data = sampleCountingRecord();
    const pdf = await renderCountingRecord(data);
    const text = squeeze(await pdfText(pdf));
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain('Bầu Cụm trưởng năm 2012 — vòng 1');
    expect(text).toContain('Nguyễn Thị Kiểm (Trưởng ban), Trần Văn Phiếu, Đặng Thị Ước');
    expect(text).toContain('Hình thức Bỏ phiếu kín bằng phiếu giấy');
    expect(text).toContain('Số đơn vị có mặt 7 (cần 5: đủ số lượng)');
    expect(text).toContain('Số phiếu hợp lệ 7');
    expect(text).toContain('Ngưỡng trúng cử trên 50% tổng số đơn vị thành viên');
    expect(text).toContain('1 Liên minh Hợp tác xã tỉnh Sơn La 6 85,71% Trúng cử');
    expect(text).toContain('2 Liên minh Hợp tác xã tỉnh Điện Biên 1 14,29% —');
    expect(text).toContain('Trúng cử: Liên minh Hợp tác xã tỉnh Sơn La.');
    expect(text.split('Thành viên Ban kiểm phiếu').length - 1).toBe(3);
    expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${data.seal.digest}`);
    expect((await renderCountingRecord(sampleCountingRecord())).equals(pdf)).toBe(true);
  });

  it('says when nobody reached the threshold', async () => {
    const data = sampleCountingRecord();
    data.candidates = data.candidates.map((candidate) => ({ ...candidate, votes: 3, elected: false }));
    const text = squeeze(await pdfText(await renderCountingRecord(data)));
    expect(text).toContain('Không đơn vị nào đạt ngưỡng trúng cử ở vòng này.');
    expect(text).toContain('42,86%');
  });
});
