import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, useProblemMessage, type Schemas } from '../../api/client';

type Entry = Schemas['PaperEntryDto'];
type Poll = Schemas['PollResponseDto'];

/** The whole sheet, one number a line; once entered, a change is a correction and needs a reason. */
export function CountForm({
  poll,
  sheetLines,
  mine,
  label,
}: {
  poll: Poll;
  sheetLines: string[];
  mine: Entry[];
  label: (line: string) => string;
}) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const queryClient = useQueryClient();
  const current = new Map(mine.map((entry) => [entry.line, entry.count]));
  const correcting = mine.length > 0;
  const [figures, setFigures] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const valueOf = (line: string) => figures[line] ?? (current.has(line) ? String(current.get(line)) : '');
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/polls/{id}/paper-entries', {
          params: { path: { id: poll.id } },
          body: {
            lines: sheetLines.map((line) => ({ line, count: Number(valueOf(line)) })),
            reason: correcting ? reason : undefined,
          },
        }),
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(['poll', poll.id, 'paper-entries'], answer);
      setFigures({});
      setReason('');
    },
  });
  const complete = sheetLines.every((line) => /^\d+$/.test(valueOf(line)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) send.mutate();
  };
  return (
    <form className="delegate-card counting-form" onSubmit={submit} aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t(correcting ? 'counting.correctTitle' : 'counting.enterTitle')}</h2>
      {sheetLines.map((line) => (
        <label key={line} className="counting-line">
          <span>{label(line)}</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
            value={valueOf(line)}
            onChange={(event) => setFigures((all) => ({ ...all, [line]: event.target.value }))}
          />
        </label>
      ))}
      {correcting && (
        <label className="counting-reason">
          <span>{t('counting.reason')}</span>
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />
        </label>
      )}
      {send.isError && (
        <p role="alert" className="error">
          {problemMessage(send.error)}
        </p>
      )}
      {send.isSuccess && <p role="status">{t('counting.saved')}</p>}
      <button type="submit" className="primary" disabled={!complete || send.isPending}>
        {t(correcting ? 'counting.sendCorrection' : 'counting.send')}
      </button>
    </form>
  );
}
