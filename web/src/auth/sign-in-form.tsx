import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, useProblemMessage } from '../api/client';
import { useSession } from './session';

/** Email and password; a new password when the account must choose one (after a reset). */
export function SignInForm() {
  const { t } = useTranslation();
  const session = useSession();
  const problemMessage = useProblemMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [needsNewPassword, setNeedsNewPassword] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await session.signIn(
        String(form.get('email') ?? ''),
        String(form.get('password') ?? ''),
        needsNewPassword ? String(form.get('newPassword') ?? '') : undefined,
      );
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.code === 'password_change_required') setNeedsNewPassword(true);
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
      <h2 id="sign-in-title">{t('auth.title')}</h2>
      {session.ended && !error && <p role="status">{t('auth.sessionEnded')}</p>}
      <label>
        <span>{t('auth.email')}</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        <span>{t('auth.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {needsNewPassword && (
        <label>
          <span>{t('auth.newPassword')}</span>
          <input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
        </label>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('auth.submit')}
      </button>
    </form>
  );
}
