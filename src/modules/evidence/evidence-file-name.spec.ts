import { EvidenceException } from './evidence.exception';
import {
  attachmentDisposition,
  evidenceFileName,
  MAX_FILE_NAME_LENGTH,
  nameForDetectedType,
} from './evidence-file-name';

describe(evidenceFileName.name, () => {
  it('keeps a Vietnamese name as it is', () => {
    expect(evidenceFileName('Báo cáo tổng kết năm 2011.pdf')).toBe('Báo cáo tổng kết năm 2011.pdf');
  });

  it('composes decomposed (NFD) Vietnamese, as macOS sends it', () => {
    expect(evidenceFileName('Báo cáo tổng kết.pdf'.normalize('NFD'))).toBe('Báo cáo tổng kết.pdf'.normalize('NFC'));
  });

  it.each([
    ['  C:\\Users\\canbo\\Desktop\\Biên bản.docx  ', 'Biên bản.docx'],
    ['../../etc/passwd', 'passwd'],
    ['a/b/\u0000x\u202egpj.exe', 'xgpj.exe'],
    ['..', 'evidence'],
    ['   ', 'evidence'],
    [undefined, 'evidence'],
  ])('strips folders, control characters and spaces: %j → %j', (raw, expected) => {
    expect(evidenceFileName(raw)).toBe(expected);
  });

  it(`cuts a long name to ${MAX_FILE_NAME_LENGTH} characters and keeps its extension`, () => {
    const name = evidenceFileName(`${'Đ'.repeat(300)}.xlsx`);

    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('Đ.xlsx')).toBe(true);
  });
});

describe(attachmentDisposition.name, () => {
  it('gives the UTF-8 name as filename* (RFC 5987) and an ASCII look-alike as filename', () => {
    expect(attachmentDisposition("Báo cáo (đợt 1) 100%'s.pdf")).toBe(
      `attachment; filename="Bao cao (dot 1) 100_'s.pdf"; ` +
        "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28%C4%91%E1%BB%A3t%201%29%20100%25%27s.pdf",
    );
  });

  it('never lets a quote or backslash end the quoted name early', () => {
    expect(attachmentDisposition('a"b\\c.pdf')).toMatch(/^attachment; filename="a_b_c\.pdf"; /);
  });
});

describe(nameForDetectedType.name, () => {
  it.each([
    ['scan.png', 'image/png', 'scan.png'],
    ['IMG_0042.JPG', 'image/jpeg', 'IMG_0042.JPG'],
    ['anh.jpeg', 'image/jpeg', 'anh.jpeg'],
    ['bien-ban', 'application/pdf', 'bien-ban.pdf'],
  ])('names %s (%s) %s', (name, contentType, expected) => {
    expect(nameForDetectedType(name, contentType)).toBe(expected);
  });

  it('keeps the length limit when it adds an extension', () => {
    const name = nameForDetectedType('Đ'.repeat(MAX_FILE_NAME_LENGTH), 'image/png');

    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.png')).toBe(true);
  });

  it.each([
    ['trang.html', 'image/png'],
    ['bao-cao.pdf.exe', 'application/pdf'],
    ['anh.png', 'image/jpeg'],
  ])('refuses %s holding %s: evidence_name_type_mismatch', (name, contentType) => {
    expect(() => nameForDetectedType(name, contentType)).toThrow(
      expect.objectContaining({ code: 'evidence_name_type_mismatch' }) as unknown as EvidenceException,
    );
  });
});
