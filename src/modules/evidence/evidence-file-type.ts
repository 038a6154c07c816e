import { extname } from 'node:path';

/** A kind of file accepted as evidence: what its first bytes look like, and the type stored for it. */
interface EvidenceFileType {
  contentType: string;
  /** For containers (ZIP, OLE), the file name's extension that says which document it holds. */
  extension?: string;
  /** The extensions a file of this type may be named with, the usual one first. */
  extensions: readonly string[];
  matches(head: Buffer): boolean;
}

const startsWith =
  (...bytes: number[]) =>
  (head: Buffer) =>
    head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
const ascii =
  (text: string, at = 0) =>
  (head: Buffer) =>
    head.length >= at + text.length && head.toString('latin1', at, at + text.length) === text;

const PDF = ascii('%PDF-');
const PNG = startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = startsWith(0xff, 0xd8, 0xff);
const GIF = (head: Buffer) => ascii('GIF87a')(head) || ascii('GIF89a')(head);
const WEBP = (head: Buffer) => ascii('RIFF')(head) && ascii('WEBP', 8)(head);
const ZIP = startsWith(0x50, 0x4b, 0x03, 0x04);
const OLE = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

/**
 * Office documents are containers: a ZIP could be any archive and an OLE file an installer, so
 * for those the name's extension must also say which document it is.
 */
const EVIDENCE_FILE_TYPES: readonly EvidenceFileType[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], matches: PDF },
  { contentType: 'image/png', extensions: ['png'], matches: PNG },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], matches: JPEG },
  { contentType: 'image/gif', extensions: ['gif'], matches: GIF },
  { contentType: 'image/webp', extensions: ['webp'], matches: WEBP },
  ...(
    [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['odt', 'application/vnd.oasis.opendocument.text'],
      ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['odp', 'application/vnd.oasis.opendocument.presentation'],
    ] as const
  ).map(([extension, contentType]) => ({ contentType, extension, extensions: [extension], matches: ZIP })),
  ...(
    [
      ['doc', 'application/msword'],
      ['xls', 'application/vnd.ms-excel'],
      ['ppt', 'application/vnd.ms-powerpoint'],
    ] as const
  ).map(([extension, contentType]) => ({ contentType, extension, extensions: [extension], matches: OLE })),
];

/** What the refusal names: the kinds of files the cluster may attach. */
export const ALLOWED_EVIDENCE_TYPES = [
  'PDF',
  'PNG',
  'JPEG',
  'GIF',
  'WebP',
  'Word/Excel/PowerPoint (docx, xlsx, pptx, doc, xls, ppt)',
  'OpenDocument (odt, ods, odp)',
] as const;

/** Every accepted kind with the extensions its files may carry (what a client checks before uploading). */
export function evidenceFileKinds(): { contentType: string; extensions: string[] }[] {
  return EVIDENCE_FILE_TYPES.map((type) => ({ contentType: type.contentType, extensions: [...type.extensions] }));
}

/** The longest signature checked (WebP: "RIFF" + size + "WEBP"). */
const HEAD_BYTES = 12;

/**
 * The content type of an evidence file from its first bytes (magic numbers) and, for office
 * containers, its name's extension — never from what the client declared. Null: not accepted.
 */
export function detectEvidenceContentType(bytes: Buffer, fileName: string): string | null {
  const head = bytes.subarray(0, HEAD_BYTES);
  const extension = extname(fileName).slice(1).toLowerCase();
  const type = EVIDENCE_FILE_TYPES.find(
    (candidate) => candidate.matches(head) && (candidate.extension === undefined || candidate.extension === extension),
  );
  return type?.contentType ?? null;
}

/** The extensions a file of a detected type may be named with, the usual one first. */
export function extensionsOf(contentType: string): readonly string[] {
  return EVIDENCE_FILE_TYPES.find((type) => type.contentType === contentType)?.extensions ?? [];
}
