// The evidence module's front door (issue 14): what other modules may import from it.
export { detectEvidenceContentType } from './evidence-file-type';
export { EvidenceStorage } from './evidence-storage';
export { EVIDENCE_FILE_FIELD, EvidenceUpload, type UploadedEvidence } from './evidence-upload.pipe';
export { EvidenceErrorCode, EvidenceException } from './evidence.exception';
export { EvidenceModule } from './evidence.module';
