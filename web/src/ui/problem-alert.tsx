import { Alert } from 'antd';
import { useProblemMessage } from '../api/client';

/** What the API refused, as a sentence in the person's language (never a code or a status). */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const messageOf = useProblemMessage();
  if (!error) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={title ?? messageOf(error)}
      description={title ? messageOf(error) : undefined}
    />
  );
}
