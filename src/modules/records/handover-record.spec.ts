import { pdfText } from '../../../test/utils/pdf-text';
import { sampleHandoverRecord } from '../../../test/utils/record-samples';
import { renderHandoverRecord } from './handover-record';

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe(renderHandoverRecord.name, () => {
  it('prints the handover record: place and date, from, to, witnesses, the election, both signatures', async () => {
    const data = sampleHandoverRecord();
    const pdf = await renderHandoverRecord(data);
    const text = squeeze(await pdfText(pdf));
    expect(text).toContain('BIÊN BẢN BÀN GIAO CỜ LUÂN LƯU');
    expect(text).toContain('Lạng Sơn, ngày 21 tháng 11 năm 2011');
    expect(text).toContain('Bên giao Liên minh Hợp tác xã tỉnh Lạng Sơn');
    expect(text).toContain('Bên nhận Liên minh Hợp tác xã tỉnh Sơn La');
    expect(text).toContain('Phó Chủ tịch UBND tỉnh Lạng Sơn; Phó Chủ tịch Liên minh HTX Việt Nam');
    expect(text).toContain(
      `Căn cứ Kết quả bầu Cụm trưởng năm 2012: "Bầu Cụm trưởng năm 2012", chứng nhận lúc 21/11/2011 14:00:00 (UTC+7) (cuộc bầu ${data.election.pollId})`,
    );
    expect(text).toContain(`Mã băm biên bản kiểm phiếu đã chứng nhận: ${data.election.poll!.countingRecordDigest}`);
    expect(text).toContain('1 05/01/2011 09:00:00 (UTC+7) Liên minh Hợp tác xã tỉnh Lạng Sơn Đăng ký cờ');
    expect(text).toContain('2 21/11/2011 15:55:00 (UTC+7) Đang chuyển giao Bên giao ký bàn giao');
    expect(text).toContain('3 21/11/2011 16:00:00 (UTC+7) Liên minh Hợp tác xã tỉnh Sơn La Bên nhận ký nhận cờ');
    expect(text).toContain('Tư cách Thủ trưởng đơn vị bàn giao cờ — Liên minh Hợp tác xã tỉnh Lạng Sơn');
    expect(text).toContain('Tư cách Thủ trưởng đơn vị nhận cờ — Liên minh Hợp tác xã tỉnh Sơn La');
    for (const signer of data.signatures) expect(text).toContain(signer.keyFingerprint);
    expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${data.seal.digest}`);
    expect(text).toContain(`Niêm phong tại mục sổ cái số 620, hash ${data.seal.ledger!.hash}`);
    expect((await renderHandoverRecord(sampleHandoverRecord())).equals(pdf)).toBe(true);
  });

  it('says when a handover was cancelled, and why', async () => {
    const data = sampleHandoverRecord();
    data.handover = {
      ...data.handover,
      status: 'cancelled',
      completedAt: null,
      cancelledAt: '2011-11-21T09:30:00.000Z',
      cancelReason: 'Hoãn lễ trao cờ do thời tiết',
    };
    data.signatures = data.signatures.slice(0, 1);
    data.election.poll = null;
    data.seal = { ...data.seal, sealed: false, pendingLabel: 'ĐÃ HỦY' };
    const text = squeeze(await pdfText(await renderHandoverRecord(data)));
    expect(text).toContain('ĐÃ HỦY lúc 21/11/2011 16:30:00 (UTC+7). Lý do: Hoãn lễ trao cờ do thời tiết');
    expect(text).toContain(`Kết quả bầu Cụm trưởng năm 2012 đã được chứng nhận (cuộc bầu ${data.election.pollId})`);
    expect(text).toContain('ĐÃ HỦY · dữ liệu đến mục sổ cái số 620');
  });
});
