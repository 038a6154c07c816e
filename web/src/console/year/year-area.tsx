import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the area's screens land (issue 16). */
export default function Area() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('console.menu.year')}</Typography.Title>;
}
