import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum EvidenceErrorCode {
  EntryNotFound = 'entry_not_found',
  FileNotFound = 'evidence_file_not_found',
  FileMissing = 'evidence_file_missing',
  Empty = 'evidence_empty',
  TooLarge = 'evidence_too_large',
  TooManyParts = 'evidence_too_many_parts',
  MalformedUpload = 'evidence_malformed_upload',
  TypeNotAllowed = 'evidence_type_not_allowed',
  NameTypeMismatch = 'evidence_name_type_mismatch',
  ContentMissing = 'evidence_content_missing',
}

const EVIDENCE_ERRORS: Record<EvidenceErrorCode, ErrorDefinition> = {
  [EvidenceErrorCode.EntryNotFound]: { status: 404, title: 'No such score entry' },
  [EvidenceErrorCode.FileNotFound]: { status: 404, title: 'No such evidence file' },
  [EvidenceErrorCode.FileMissing]: { status: 400, title: 'The upload has no file in the field `file`' },
  [EvidenceErrorCode.Empty]: { status: 400, title: 'The evidence file is empty' },
  [EvidenceErrorCode.TooLarge]: { status: 413, title: 'The evidence file is too large' },
  [EvidenceErrorCode.TooManyParts]: { status: 400, title: 'The upload has more parts than one file and a few fields' },
  [EvidenceErrorCode.MalformedUpload]: { status: 400, title: 'The multipart body cannot be read' },
  [EvidenceErrorCode.TypeNotAllowed]: { status: 415, title: 'This type of file is not accepted as evidence' },
  [EvidenceErrorCode.NameTypeMismatch]: {
    status: 422,
    title: "The file name's extension does not match the file's content",
  },
  [EvidenceErrorCode.ContentMissing]: { status: 500, title: "The evidence file's content is missing or damaged" },
};

export class EvidenceException extends DomainException<EvidenceErrorCode> {
  readonly definitions = EVIDENCE_ERRORS;

  static entryNotFound(periodId: string, unitId: string, itemCode: string): EvidenceException {
    return new EvidenceException(
      EvidenceErrorCode.EntryNotFound,
      `The unit has no score entry for item ${itemCode} in this period: enter its self score first.`,
      { periodId, unitId, itemCode },
    );
  }

  static fileNotFound(id: string): EvidenceException {
    return new EvidenceException(EvidenceErrorCode.FileNotFound, `There is no evidence file with id ${id}.`, {
      fileId: id,
    });
  }

  static tooLarge(maxBytes: number): EvidenceException {
    return new EvidenceException(
      EvidenceErrorCode.TooLarge,
      `An evidence file may have at most ${maxBytes} bytes; split or compress it.`,
      { maxBytes },
    );
  }
}
