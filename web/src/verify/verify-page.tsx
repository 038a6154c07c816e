import { useTranslation } from 'react-i18next';

/** Placeholder until the verifier page lands (issue 17). */
export default function VerifyPage() {
  const { t } = useTranslation();
  return <h1>{t('app.name')}</h1>;
}
