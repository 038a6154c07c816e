import { detectEvidenceContentType } from './evidence-file-type';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00);

describe(detectEvidenceContentType.name, () => {
  it.each([
    [bytes('%PDF-1.7\n'), 'a.pdf', 'application/pdf'],
    [bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0x00), 'a.png', 'image/png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'a.jpg', 'image/jpeg'],
    [bytes('GIF89a'), 'a.gif', 'image/gif'],
    [bytes('RIFF', 0x10, 0x00, 0x00, 0x00, 'WEBPVP8 '), 'a.webp', 'image/webp'],
    [ZIP, 'Báo cáo.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [ZIP, 'a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [ZIP, 'a.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    [ZIP, 'a.odt', 'application/vnd.oasis.opendocument.text'],
    [ZIP, 'a.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    [OLE, 'a.doc', 'application/msword'],
    [OLE, 'a.xls', 'application/vnd.ms-excel'],
    [OLE, 'a.ppt', 'application/vnd.ms-powerpoint'],
    // The bytes decide, not the name: a PDF named .png is a PDF.
    [bytes('%PDF-1.4'), 'scan.png', 'application/pdf'],
  ])('recognises %j named %s as %s', (content, name, type) => {
    expect(detectEvidenceContentType(content, name)).toBe(type);
  });

  it.each([
    [bytes('MZ', 0x90, 0x00), 'report.pdf'], // a Windows program named .pdf
    [bytes('<html><script>'), 'report.pdf'],
    [ZIP, 'archive.zip'], // a ZIP that does not say it is a document
    [ZIP, 'report.pdf'],
    [OLE, 'setup.msi'], // installers are OLE files too
    [bytes('%PD'), 'short.pdf'],
    [bytes('RIFF', 0x10, 0x00, 0x00, 0x00, 'WAVE'), 'sound.webp'],
  ])('refuses %j named %s', (content, name) => {
    expect(detectEvidenceContentType(content, name)).toBeNull();
  });
});
