import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n/i18n';
import type { Schemas } from '../../api/client';
import en from './messages.en.json';
import vi from './messages.vi.json';

// The count's words serve both the board member's page and the console's poll page.
registerMessages({ vi, en });

type Poll = Schemas['PollResponseDto'];

/** A line of the count sheet in words: `option:<position>` is the candidate (or yes/no), the rest are named lines. */
export function useLineLabel(poll: Poll): (line: string) => string {
  const { t } = useTranslation();
  return (line: string) => {
    const option = /^option:(\d+)$/.exec(line);
    if (!option) return t(`counting.line.${line}`, { defaultValue: line });
    const position = Number(option[1]);
    if (poll.kind === 'motion') return t(position === 0 ? 'projector.option.yes' : 'projector.option.no');
    const candidate = poll.candidates.find((c) => c.position === position);
    const name = candidate?.unitName ?? t('projector.result.unknownUnit');
    return poll.kind === 'award_proposal'
      ? t('counting.line.approvalsOf', { name })
      : t('counting.line.votesFor', { name });
  };
}
