import { pageCount, pdfText } from '../../../test/utils/pdf-text';
import { SAMPLE_CLUSTER, sampleSeal, sampleSigner, SAMPLE_UNITS } from '../../../test/utils/record-samples';
import { RecordDocument } from './record-document';
import type { RecordFrame } from './record-parts';
import { drawSignatures } from './record-signatures';
import { drawTable } from './record-table';

/** A record long enough to need several pages: a 90-row table, then a signature. */
function longRecord(seal = sampleSeal(true)): Promise<Buffer> {
  const frame: RecordFrame = { cluster: SAMPLE_CLUSTER, issuedAt: '2011-11-21T03:30:00.000Z', seal };
  const record = new RecordDocument({ title: 'Thử nghiệm bố cục', kind: 'thidua.test', frame });
  record.nationalHeader('Lạng Sơn, ngày 21 tháng 11 năm 2011').title('BIÊN BẢN THỬ NGHIỆM', 'Bố cục nhiều trang');
  record.keyValues([['Đơn vị', SAMPLE_UNITS[0].name]]);
  record.heading('Bảng dài');
  drawTable(
    record,
    [
      { header: 'Số thứ tự', weight: 1, align: 'right' },
      { header: 'Đơn vị', weight: 4 },
    ],
    Array.from({ length: 90 }, (_, index) => [`dòng ${index + 1}`, SAMPLE_UNITS[index % 7].name]),
  );
  drawSignatures(record, [sampleSigner('Lò Văn Sơn', SAMPLE_UNITS[0])], 'Chưa ký.');
  return record.finish();
}

describe(RecordDocument.name, () => {
  it('embeds the DejaVu fonts it writes with, and no other font', async () => {
    const raw = (await longRecord()).toString('latin1');
    const fonts = new Set([...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((match) => match[2]));
    expect([...fonts].sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono']);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('Helvetica');
  });

  it('breaks a long table over pages, with its header again on each page and no row lost', async () => {
    const text = await pdfText(await longRecord());
    const pages = pageCount(text);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text.split('Số thứ tự').length - 1).toBe(pages);
    for (let row = 1; row <= 90; row += 1) expect(text).toMatch(new RegExp(`dòng ${row}\\s`));
    expect(text).toContain('Lò Văn Sơn');
  });

  it('puts the digest, the ledger entry and the page number in the footer of every page', async () => {
    const seal = sampleSeal(true);
    const text = await pdfText(await longRecord());
    const pages = pageCount(text);
    expect(text.split(seal.digest).length - 1).toBe(pages);
    expect(text.split(`Niêm phong tại mục sổ cái số 412, hash ${seal.ledger!.hash}`).length - 1).toBe(pages);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Trang ${page}/${pages}`);
  });

  it('says "not sealed" on every page of an unsealed record', async () => {
    const text = await pdfText(await longRecord(sampleSeal(false)));
    expect(text.split('CHƯA NIÊM PHONG').length - 1).toBe(pageCount(text));
    expect(text).toContain('dữ liệu đến mục sổ cái số 412');
  });

  it('gives the same bytes for the same record, dated by the record and identified by its digest', async () => {
    const first = await longRecord();
    expect((await longRecord()).equals(first)).toBe(true);
    const raw = first.toString('latin1');
    expect(raw).toContain('(D:20111121033000Z)');
    expect(raw).toContain(sampleSeal(true).digest);
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})>/.exec(pdf.toString('latin1'))![1];
    // The file ID derives from the digest: another record, another ID.
    expect(id(await longRecord({ ...sampleSeal(true), digest: 'e'.repeat(64) }))).not.toBe(id(first));
  });
});
