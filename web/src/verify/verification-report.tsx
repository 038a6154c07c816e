import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { viewOf } from './bundle-view';
import type { CheckedBundle } from './check-bundle';
import { capacityOf, formatSigningTime, issueSentence, kindName } from './verify-format';

/** The verdict in words: valid or not, who signed in what capacity and when, and each failure. */
export function VerificationReport({ checked }: { checked: CheckedBundle }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { source, bundle, result } = checked;
  const view = viewOf(bundle);
  const sourceText =
    source.kind === 'file'
      ? t('verify.file.source', { name: source.name })
      : source.kind === 'pasted'
        ? t('verify.file.pasted')
        : t('verify.digest.source', { digest: source.digest });
  const c = result.checked;

  return (
    <section className="verify-card verify-report" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('verify.result.heading')}</h2>
      <p className="verify-source">{sourceText}</p>
      <p role="status" className={result.valid ? 'verify-verdict valid' : 'verify-verdict invalid'}>
        <strong>
          {result.valid ? t('verify.result.valid') : t('verify.result.invalid', { count: result.issues.length })}
        </strong>
      </p>
      <p>
        {t('verify.result.checked', {
          documents: c.documents,
          signatures: c.signatures,
          valid: c.validSignatures,
          keys: c.keys,
          ledger: c.ledgerEntries,
        })}
      </p>
      {result.ledgerSegment && (
        <p>
          {t('verify.result.ledger', {
            from: result.ledgerSegment.fromSeq,
            to: result.ledgerSegment.toSeq,
            hash: result.ledgerSegment.lastHash,
          })}
        </p>
      )}

      {result.issues.length > 0 && (
        <>
          <h3>{t('verify.result.failures')}</h3>
          <ul className="verify-failures">
            {result.issues.map((issue, index) => (
              <li key={index}>{issueSentence(t, issue, view)}</li>
            ))}
          </ul>
        </>
      )}

      {result.signatures.length > 0 && (
        <>
          <h3>{t('verify.result.signers')}</h3>
          <ul className="verify-signers">
            {result.signatures.map((signature) => {
              const stated = view.signatures.find((s) => s.id === signature.id);
              const document = view.documents.find((d) => d.id === signature.documentId);
              return (
                <li key={signature.id} className={signature.valid ? 'valid' : 'invalid'}>
                  <span className="verify-mark" aria-hidden="true">
                    {signature.valid ? '✓' : '✗'}
                  </span>
                  <div>
                    <strong>{signature.signerName}</strong>
                    {stated && capacityOf(t, stated, view).map((line) => <span key={line}>{line}</span>)}
                    <span>{t('verify.result.signedAt', { time: formatSigningTime(signature.signedAt) })}</span>
                    <span>{t('verify.result.document', { kind: kindName(t, document?.kind) })}</span>
                    <span className="verify-signature-state">
                      {signature.valid ? t('verify.result.signatureValid') : t('verify.result.signatureInvalid')}
                    </span>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {view.documents.length > 0 && (
        <>
          <h3>{t('verify.result.documents')}</h3>
          <ul className="verify-documents">
            {view.documents.map((document) => (
              <li key={document.id}>
                {kindName(t, document.kind)}
                {document.id === view.rootDocumentId && ` (${t('verify.result.root')})`}
                <span className="verify-hash">SHA-256 {document.digest}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
