// The signatures module's front door (issue 14): what other modules may import from it. Other
// modules still reach some internals (see .dependency-cruiser-known-violations.json); that list only shrinks.
export { SignedBundleDto } from './dto/signed-bundle.dto';
export type { SignedBundle } from './signed-bundle';
export { canonicalDocument } from './canonical-document';
export { signaturesOfDocuments } from './document-signatures';
export { DocumentSigner } from './document-signer.service';
export { DocumentClusterDto, DocumentCycleDto, documentFormatVersion, DocumentUnitDto } from './dto/document-parts.dto';
export { SignDocumentDto } from './dto/sign-document.dto';
export {
  DocumentSignatureDto,
  signableContent,
  SignableDocumentDto,
  type SignableDocumentOf,
  signableKind,
} from './dto/signable-document.dto';
export { signableDocument } from './signable-document';
export { SignaturesErrorCode, SignaturesException } from './signatures.exception';
export { SignedBundles } from './signed-bundles.service';
export { secretariatCapacity, type SignerCapacity, signingTime, unitHeadCapacity } from './signer-capacity';
export { signedDocuments, type SignedDocumentFacts } from './signed-document-facts';
export type { SignedDocumentKind } from './signed-document.entity';
export type { SignatureSummary } from './document-signatures';
export { documentsWithDigest, type DocumentWithDigest, firstSignedDocumentOf } from './signed-document-lookups';
export { signatureLedgerSeqs } from './signature-ledger-seqs';
export { signableStoredDocument, subjectDocuments } from './subject-documents';
