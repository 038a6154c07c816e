import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap, useProblemMessage, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { meetingKeys, type Meeting, type Quorum } from '../../meeting/queries';

/**
 * Signing the register for one's unit: the units the person may sit for (a delegate or head
 * mandate in force), one button each; when they may not, or the server refuses, why — in words.
 */
export function CheckIn({
  meeting,
  quorum,
  mySeat,
}: {
  meeting: Meeting;
  quorum: Quorum | undefined;
  mySeat: Schemas['PresentUnitDto'] | undefined;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const checkIn = useMutation({
    mutationFn: (unitId: string) =>
      unwrap(
        api.POST('/api/v1/meetings/{id}/attendance/check-in', {
          params: { path: { id: meeting.id } },
          body: { unitId },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.quorum(meeting.id) }),
  });
  const seats = new Map<string, Schemas['MeScopeDto']>();
  for (const mandate of me?.mandates ?? []) {
    if ((mandate.role === 'delegate' || mandate.role === 'head') && mandate.unit)
      seats.set(mandate.unit.id, mandate.unit);
  }
  const takenBy = (unitId: string) => quorum?.presentUnits.find((unit) => unit.unitId === unitId);

  let body;
  if (mySeat) {
    body = (
      <p className="ok" role="status">
        {t('delegate.checkIn.done', { unit: mySeat.unitName })}
      </p>
    );
  } else if (meeting.status === 'closed') {
    body = <p role="alert">{t('delegate.problem.meeting_closed')}</p>;
  } else if (seats.size === 0) {
    body = <p role="alert">{t('delegate.problem.attendance_forbidden')}</p>;
  } else {
    body = (
      <>
        <p>{t('delegate.checkIn.intro')}</p>
        <ul className="choices">
          {[...seats.values()].map((unit) => {
            const taken = takenBy(unit.id);
            return (
              <li key={unit.id}>
                <button
                  type="button"
                  className="primary"
                  disabled={checkIn.isPending}
                  onClick={() => checkIn.mutate(unit.id)}
                >
                  {t('delegate.checkIn.button', { unit: unit.name })}
                </button>
                {taken && <p className="warn">{t('delegate.checkIn.seatTaken', { unit: unit.name })}</p>}
              </li>
            );
          })}
        </ul>
        {checkIn.isError && (
          <p role="alert" className="error">
            {checkInProblem(checkIn.error, t, problemMessage)}
          </p>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="checkin-title" className="delegate-card">
      <h2 id="checkin-title">{t('delegate.checkIn.title')}</h2>
      {body}
    </section>
  );
}

/** The check-in's refusals in this page's words first, else the app's sentence for the code. */
function checkInProblem(
  error: unknown,
  t: (key: string, options?: Record<string, unknown>) => string,
  fallback: (error: unknown) => string,
): string {
  if (error instanceof ApiProblem) {
    const own = t(`delegate.problem.${error.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return fallback(error);
}
export { checkInProblem as ownProblem };
