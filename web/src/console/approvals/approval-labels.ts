import type { TFunction } from 'i18next';
import { registerMessages } from '../../i18n/i18n';
import en from './messages.en.json';
import vi from './messages.vi.json';

// The home page names waiting requests too: whoever imports these has the words.
registerMessages({ vi, en });

const named = (t: TFunction, exists: (key: string) => boolean, group: string, key: string) =>
  exists(`console.approvals.${group}.${key}`)
    ? t(`console.approvals.${group}.${key}`)
    : t(`console.approvals.${group}.other`, { name: key });

/** "Quy chế khen thưởng", "Báo cáo kết quả"…: what kind of document a request is about. */
export const workflowName = (t: TFunction, exists: (key: string) => boolean, key: string) =>
  named(t, exists, 'workflow', key);
export const stateName = (t: TFunction, exists: (key: string) => boolean, state: string) =>
  named(t, exists, 'state', state);
export const transitionName = (t: TFunction, exists: (key: string) => boolean, transition: string) =>
  named(t, exists, 'transition', transition);

/** The console area where the request's document is worked on. */
export const SUBJECT_AREA: Record<string, string> = {
  rules_version: 'rules',
  results_report: 'reports',
  score_sheet: 'scoring',
  unit_pledge: 'pledges',
  pledge_progress_report: 'pledges',
};
