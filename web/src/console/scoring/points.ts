import { useTranslation } from 'react-i18next';

/** Points travel as strings with two decimals ('10.50'); shown with the language's separator. */
export function usePoints(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // At most two decimals and a few hundred points: a double holds them exactly enough to print.
  return (value) => (value === null || value === undefined ? '—' : format.format(Number(value)));
}
