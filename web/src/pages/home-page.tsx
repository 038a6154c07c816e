import { useTranslation } from 'react-i18next';
import { RequireSignIn, useSession } from '../auth/session';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('app.tagline')}</p>
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
  return (
    <>
      <h2>{t('home.welcome', { name: me.user.fullName })}</h2>
      <p>{t('home.intro')}</p>
      <h3>{t('home.mandates')}</h3>
      <ul>
        {me.mandates.map((mandate) => (
          <li key={mandate.id}>
            {mandate.role} — {mandate.unit?.name ?? mandate.cluster?.name ?? ''}
          </li>
        ))}
      </ul>
    </>
  );
}
