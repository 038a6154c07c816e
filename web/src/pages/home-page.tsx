import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn, useSession } from '../auth/session';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('app.tagline')}</p>
      <p>
        <Link to="/verify">{t('home.verify')}</Link>
      </p>
      <RequireSignIn>
        <Welcome />
      </RequireSignIn>
    </section>
  );
}

function Welcome() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return <p role="status">{t('app.loading')}</p>;
  const roles = new Set(me.mandates.map((mandate) => mandate.role));
  return (
    <>
      <h2>{t('home.welcome', { name: me.user.fullName })}</h2>
      <p>{t('home.intro')}</p>
      <ul className="home-links">
        {(roles.has('secretariat') || roles.has('admin')) && (
          <li>
            <Link to="/console">{t('home.console')}</Link>
          </li>
        )}
        {(roles.has('head') || roles.has('officer') || roles.has('delegate')) && (
          <li>
            <Link to="/portal">{t('home.portal')}</Link>
          </li>
        )}
      </ul>
      <h3>{t('home.mandates')}</h3>
      <ul>
        {me.mandates.map((mandate) => (
          <li key={mandate.id}>
            {t(`home.roles.${mandate.role}`)} — {mandate.unit?.name ?? mandate.cluster?.name ?? ''}
          </li>
        ))}
      </ul>
    </>
  );
}
