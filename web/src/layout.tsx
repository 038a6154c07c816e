import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from './auth/session';
import { LANGUAGES, setLanguage, type Language } from './i18n/i18n';

export function Layout() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-name">
          {t('app.name')}
        </Link>
        <label className="language">
          <span>{t('app.language')}</span>
          <select value={i18n.language} onChange={(event) => setLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language === 'vi' ? 'Tiếng Việt' : 'English'}
              </option>
            ))}
          </select>
        </label>
        <SessionMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function SessionMenu() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status !== 'signed-in' || !session.me) return null;
  return (
    <div className="session-menu">
      <span>{t('auth.signedInAs', { name: session.me.user.fullName })}</span>
      <button type="button" onClick={() => void session.signOut()}>
        {t('auth.signOut')}
      </button>
      <button type="button" onClick={() => void session.signOutEverywhere()}>
        {t('auth.signOutEverywhere')}
      </button>
    </div>
  );
}
