import { DEMO_UNITS } from '../../database/demo-data';
import { demo2011ResultsFigures, SOURCE_2011_TOTALS } from '../reports';
import { pageCount, pdfText } from '../../../test/utils/pdf-text';
import { province, SAMPLE_CLUSTER, sampleSeal } from '../../../test/utils/record-samples';
import { renderResultsRecord, type ResultsRecordData } from './results-record';

function sample(overrides: Partial<ResultsRecordData> = {}): ResultsRecordData {
  const figures = demo2011ResultsFigures();
  return {
    cluster: SAMPLE_CLUSTER,
    issuedAt: '2011-11-21T03:30:00.000Z',
    seal: { ...sampleSeal(true), digestOf: 'content' },
    cycle: { id: '7d3c2a4e-0000-4000-8000-000000002011', year: 2011 },
    units: DEMO_UNITS.map(({ code, province: name }, index) => ({
      unit: province(code, name),
      reportNumber: 1,
      approvedAt: '2011-11-20T02:00:00.000Z',
      ledgerSeq: String(300 + index),
      figures: figures[code],
    })),
    totals: { ...SOURCE_2011_TOTALS },
    missingUnits: [],
    ...overrides,
  };
}

/** Whitespace of any kind and length as one space: table cells come out separated by runs of spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe(renderResultsRecord.name, () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderResultsRecord(sample());
    text = await pdfText(pdf);
  });

  it('is a PDF whose text gives back the Vietnamese names with their diacritics', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('BÁO CÁO KẾT QUẢ HOẠT ĐỘNG KINH TẾ TẬP THỂ NĂM 2011');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    for (const { province: name } of DEMO_UNITS) expect(text).toContain(`Liên minh Hợp tác xã tỉnh ${name}`);
  });

  it('prints the figures exactly as stored, grouped the Vietnamese way, in each row and in the totals', () => {
    const flat = squeeze(text);
    expect(flat).toContain('Số hợp tác xã 2.006 HTX');
    expect(flat).toContain('Vốn điều lệ 1.269.500.000.000 đồng');
    expect(flat).toContain('Thành viên và người lao động 54.213 người');
    expect(flat).toContain('Tổ hợp tác 15.232 tổ');
    expect(flat).toContain('Tổ viên tổ hợp tác 16.148 người');
    expect(flat).toContain('Hợp tác xã thành lập mới trong năm 96 HTX');
    expect(flat).toContain('Thành viên HTX kết nạp mới trong năm 78 HTX');
    expect(flat).toContain('1 Liên minh Hợp tác xã tỉnh Sơn La 482 348.200.000.000 13.420 3.610 3.830 22 18');
    expect(flat).toContain('Tổng cộng 2.006 1.269.500.000.000 54.213 15.232 16.148 96 78');
    // Where each row comes from: the approval's ledger entry.
    expect(flat).toContain('1 Liên minh Hợp tác xã tỉnh Sơn La số 1 20/11/2011 09:00:00 (UTC+7) số 300');
  });

  it('states the digest and the sealing ledger entry on every page', () => {
    const { seal } = sample();
    const pages = pageCount(text);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(squeeze(text).split(`Mã băm nội dung (SHA-256): ${seal.digest}`).length - 1).toBe(pages);
    expect(text.split(`Niêm phong tại mục sổ cái số 412, hash ${seal.ledger!.hash}`).length - 1).toBe(pages);
  });

  it('names the units without an approved report, which the totals leave out', async () => {
    const [first, ...rest] = sample().units;
    const partial = await pdfText(
      await renderResultsRecord(sample({ units: rest, missingUnits: [{ unit: first.unit, status: 'submitted' }] })),
    );
    expect(squeeze(partial)).toContain('6/7 đơn vị thành viên');
    expect(squeeze(partial)).toContain('Liên minh Hợp tác xã tỉnh Sơn La (đã trình, chờ phê duyệt)');
  });

  it('is deterministic: the same data gives the same bytes; other data, other bytes', async () => {
    expect((await renderResultsRecord(sample())).equals(pdf)).toBe(true);
    const changed = sample();
    changed.units[0].figures = { ...changed.units[0].figures, cooperatives: 483 };
    expect((await renderResultsRecord(changed)).equals(pdf)).toBe(false);
  });
});
