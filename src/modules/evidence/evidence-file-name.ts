import { extname } from 'node:path';
import { extensionsOf } from './evidence-file-type';
import { EvidenceErrorCode, EvidenceException } from './evidence.exception';

export const MAX_FILE_NAME_LENGTH = 255;
const FALLBACK_NAME = 'evidence';
// Control characters, and the bidirectional overrides that can make "gpj.exe" read as "exe.jpg".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name an evidence file keeps: the client's own (Vietnamese included, in NFC), without any
 * folder path, control characters or surrounding spaces, cut to 255 characters with its extension kept.
 */
export function evidenceFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').replace(UNSAFE, '').split(/[/\\]/).pop()!.trim();
  const name = base === '.' || base === '..' || base === '' ? FALLBACK_NAME : base;
  const chars = [...name];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const extension = [...extname(name)];
  const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
  return (
    chars
      .slice(0, MAX_FILE_NAME_LENGTH - keep.length)
      .join('')
      .trimEnd() + keep.join('')
  );
}

/**
 * The name made to agree with the type found in the bytes: a name without an extension gets the
 * type's usual one; a name whose extension says another type (a PNG named `.html`) is refused,
 * since whoever downloads it would open it as what the name says.
 */
export function nameForDetectedType(fileName: string, contentType: string): string {
  const allowed = extensionsOf(contentType);
  const extension = extname(fileName).slice(1).toLowerCase();
  if (extension === '') return evidenceFileName(`${fileName}.${allowed[0]}`);
  if (allowed.includes(extension)) return fileName;
  throw new EvidenceException(
    EvidenceErrorCode.NameTypeMismatch,
    `The file is ${contentType} but its name ends in .${extension}; name it .${allowed.join(' or .')}.`,
    { contentType, allowedExtensions: allowed },
  );
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8, where `'()*` must be encoded too. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII look-alike for old clients that ignore `filename*`: "Báo cáo đợt 1.pdf" → "Bao cao dot 1.pdf". */
function asciiFallback(value: string): string {
  return value
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** `Content-Disposition: attachment` with the name in both forms (RFC 6266 § 4.3). */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** The headers of a download: the stored type and size, the name, and the SHA-256 recorded at upload. */
export function evidenceDownloadHeaders(file: {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}): Record<string, string> {
  return {
    'content-type': file.contentType,
    'content-length': String(file.sizeBytes),
    'content-disposition': attachmentDisposition(file.fileName),
    etag: `"${file.sha256}"`,
    'x-content-sha256': file.sha256,
    // Access depends on who asks: no shared cache keeps it; a browser revalidates with the ETag.
    'cache-control': 'private, no-cache',
  };
}
