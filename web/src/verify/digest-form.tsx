import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DIGEST_PATTERN, normalizeDigest } from './check-bundle';

/** A record's digest typed (or pasted from its PDF): the address `/verify/{digest}` fetches and checks it. */
export function DigestForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ids = { heading: useId(), input: useId(), error: useId() };
  const [digest, setDigest] = useState(initial);
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeDigest(digest);
    setInvalid(!DIGEST_PATTERN.test(normalized));
    if (DIGEST_PATTERN.test(normalized)) void navigate(`/verify/${normalized}`);
  };

  return (
    <section className="verify-card" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('verify.digest.heading')}</h2>
      <form onSubmit={onSubmit} className="verify-digest" noValidate>
        <label htmlFor={ids.input}>{t('verify.digest.label')}</label>
        <input
          id={ids.input}
          value={digest}
          onChange={(event) => setDigest(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={invalid ? ids.error : undefined}
        />
        <button type="submit">{t('verify.digest.submit')}</button>
        {invalid && (
          <p id={ids.error} role="alert" className="verify-error">
            {t('verify.digest.invalid')}
          </p>
        )}
      </form>
    </section>
  );
}
