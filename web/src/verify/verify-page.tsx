import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { ApiProblem, api, unwrap, useProblemMessage } from '../api/client';
import { registerMessages } from '../i18n/i18n';
import { BundleInput } from './bundle-input';
import { DIGEST_PATTERN, checkBundle, normalizeDigest, type BundleSource } from './check-bundle';
import { DigestForm } from './digest-form';
import { VerificationReport } from './verification-report';
import en from './messages.en.json';
import vi from './messages.vi.json';
import './verify.css';

registerMessages({ vi, en });

/**
 * `/verify` and `/verify/{digest}`: anyone, signed in or not, checks a signed bundle in the browser
 * with the offline verifier's rules (issue 17, decision 036). Plain HTML and CSS (decision 031).
 */
export default function VerifyPage() {
  return (
    <Routes>
      <Route index element={<VerifyByFile />} />
      <Route path=":digest" element={<VerifyByDigest />} />
    </Routes>
  );
}

function Intro() {
  const { t } = useTranslation();
  return (
    <header>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
    </header>
  );
}

/** A dropped, chosen or pasted bundle: the user's input, checked on the device. */
function VerifyByFile() {
  const check = useMutation({
    mutationFn: ({ source, bundle }: { source: BundleSource; bundle: unknown }) => checkBundle(source, bundle),
  });
  const report = useRef<HTMLDivElement>(null);
  // The verdict is what the person came for: move to it (and let a screen reader read it) once it is there.
  useEffect(() => {
    if (check.data) report.current?.focus();
  }, [check.data]);
  return (
    <div className="verify">
      <Intro />
      <BundleInput onBundle={(source, bundle) => check.mutate({ source, bundle })} />
      <DigestForm />
      <div ref={report} tabIndex={-1}>
        {check.data && <VerificationReport checked={check.data} />}
      </div>
    </div>
  );
}

/** A record's digest (typed, or the link printed on its PDF): its public bundle fetched, then checked here. */
function VerifyByDigest() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const digest = normalizeDigest(useParams().digest ?? '');
  const wellFormed = DIGEST_PATTERN.test(digest);
  const bundle = useQuery({
    queryKey: ['verify', 'bundle', digest],
    queryFn: () => unwrap(api.GET('/api/v1/records/{digest}/bundle', { params: { path: { digest } } })),
    enabled: wellFormed,
    retry: false,
    staleTime: Infinity,
  });
  const checked = useQuery({
    queryKey: ['verify', 'check', digest, bundle.dataUpdatedAt],
    queryFn: () => checkBundle({ kind: 'digest', digest }, bundle.data),
    enabled: bundle.isSuccess,
    staleTime: Infinity,
  });
  const notFound = bundle.error instanceof ApiProblem && bundle.error.status === 404;

  return (
    <div className="verify">
      <Intro />
      <DigestForm key={digest} initial={digest} />
      <div aria-live="polite">
        {!wellFormed && (
          <p role="alert" className="verify-error">
            {t('verify.digest.invalid')}
          </p>
        )}
        {bundle.isFetching && <p>{t('verify.digest.loading')}</p>}
        {bundle.isSuccess && !checked.data && <p>{t('verify.checking')}</p>}
        {bundle.isError && (
          <p role="alert" className="verify-error">
            {notFound ? t('verify.digest.notFound') : problemMessage(bundle.error)}
          </p>
        )}
      </div>
      {checked.data && <VerificationReport checked={checked.data} />}
      <p>
        <Link to="/verify">{t('verify.result.another')}</Link>
      </p>
    </div>
  );
}
