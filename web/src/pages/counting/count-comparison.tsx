import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';

type Entries = Schemas['PaperCountResponseDto'];

/** After both members entered: each line where the figures differ, with both figures; or that they agree. */
export function CountComparison({
  entries,
  myId,
  label,
}: {
  entries: Entries;
  myId: string;
  label: (line: string) => string;
}) {
  const { t } = useTranslation();
  const names = new Map(entries.history.map((entry) => [entry.enteredBy, entry.enteredByName]));
  if (names.size < 2) {
    return <p className="delegate-card">{t(names.has(myId) ? 'counting.waitingOther' : 'counting.enterFirst')}</p>;
  }
  const disagreeing = entries.lines.filter((line) => !line.agreed);
  return (
    <section className="delegate-card" aria-labelledby="comparison-title" aria-live="polite">
      <h2 id="comparison-title">{t('counting.comparison')}</h2>
      {disagreeing.length === 0 ? (
        <p className="ok">{t('counting.allAgree')}</p>
      ) : (
        <>
          <p className="warn">{t('counting.disagree', { n: disagreeing.length })}</p>
          <ul className="counting-disagreements">
            {disagreeing.map((line) => (
              <li key={line.line}>
                <strong>{label(line.line)}</strong>
                <ul>
                  {line.figures.map((figure) => (
                    <li key={figure.memberId}>
                      {t(figure.memberId === myId ? 'counting.figureMine' : 'counting.figureOf', {
                        name: names.get(figure.memberId) ?? '',
                        figure: figure.count ?? '—',
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {entries.inconsistencies.length > 0 && (
        <p className="warn">{t('counting.inconsistent', { list: entries.inconsistencies.join('; ') })}</p>
      )}
    </section>
  );
}
