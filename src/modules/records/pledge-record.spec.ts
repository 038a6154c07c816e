import { pageCount, pdfText } from '../../../test/utils/pdf-text';
import { samplePledgeRecord } from '../../../test/utils/record-samples';
import { renderPledgeRecord } from './pledge-record';

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe(renderPledgeRecord.name, () => {
  describe('a sealed version', () => {
    const data = samplePledgeRecord(true);
    let pdf: Buffer;
    let text: string;
    beforeAll(async () => {
      pdf = await renderPledgeRecord(data);
      text = squeeze(await pdfText(pdf));
    });

    it('prints the shared text and every unit with its signed targets, decimals the Vietnamese way', () => {
      expect(text).toContain('GIAO ƯỚC THI ĐUA NĂM 2012');
      expect(text).toContain('Các Liên minh HTX tỉnh cam kết thi đua hoàn thành thắng lợi nhiệm vụ năm 2012');
      for (const part of data.units) expect(text).toContain(part.unit.name);
      expect(text).toContain('1 Số HTX thành lập mới HTX 25 16');
      expect(text).toContain('3 Vốn điều lệ tăng thêm triệu đồng 1.269,50 —');
      expect(text).toContain('Đơn vị đã ký 7/7');
      expect(text).toContain('Đã niêm phong lúc 21/11/2011 11:00:00 (UTC+7)');
    });

    it('lists each signer with capacity, unit, key fingerprint, time and ledger entry, and the countersignature', () => {
      const sonLa = data.units.find((part) => part.unit.code === 'son-la')!.signed!;
      const signer = sonLa.signatures[0];
      expect(text).toContain(`Mã băm văn bản đã ký (SHA-256): ${sonLa.digest}`);
      expect(text).toContain(`Người ký ${signer.name}`);
      expect(text).toContain('Tư cách Thủ trưởng đơn vị — Liên minh Hợp tác xã tỉnh Sơn La');
      expect(text).toContain(`Vân tay khóa (SHA-256) ${signer.keyFingerprint}`);
      expect(text).toContain(`Ký lúc 21/11/2011 10:15:42 (UTC+7) · mục sổ cái số ${signer.ledgerSeq}`);
      const counter = data.countersignatures[0];
      expect(text).toContain('Tư cách Thủ trưởng đơn vị Cụm trưởng — Liên minh Hợp tác xã tỉnh Lạng Sơn');
      expect(text).toContain(counter.keyFingerprint);
    });

    it('carries the seal document digest and the sealing ledger entry on every page', () => {
      const pages = pageCount(text);
      expect(pages).toBeGreaterThan(1);
      expect(text.split(`Mã băm văn bản niêm phong (SHA-256): ${data.seal.digest}`).length - 1).toBe(pages);
      expect(text.split(`Niêm phong tại mục sổ cái số 512, hash ${data.seal.ledger!.hash}`).length - 1).toBe(pages);
      expect(text).not.toContain('CHƯA NIÊM PHONG');
    });

    it('renders to the same bytes twice', async () => {
      expect((await renderPledgeRecord(samplePledgeRecord(true))).equals(pdf)).toBe(true);
    });
  });

  describe('a version not yet sealed', () => {
    it('prints what exists, says it is not sealed, and leaves unsigned targets out', async () => {
      const data = samplePledgeRecord(false);
      const text = squeeze(await pdfText(await renderPledgeRecord(data)));
      expect(text).toContain('Tình trạng CHƯA NIÊM PHONG');
      expect(text).toContain('Đơn vị đã ký 2/7');
      expect(text).toContain('Liên minh Hợp tác xã tỉnh Hà Giang Chưa ký (đã phê duyệt, chờ thủ trưởng ký)');
      expect(text).toContain('CHƯA NIÊM PHONG. Còn chờ chữ ký của: Liên minh Hợp tác xã tỉnh Hà Giang;');
      expect(text.split('Số HTX thành lập mới').length - 1).toBe(2);
      expect(text).toContain(`Mã băm nội dung (SHA-256): ${data.seal.digest}`);
      expect(text).toContain(`CHƯA NIÊM PHONG · dữ liệu đến mục sổ cái số 512, hash ${data.seal.ledger!.hash}`);
    });
  });
});
