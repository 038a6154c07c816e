import { CommonErrorCode, CommonException } from '../errors/common.exception';

/**
 * The versions an `If-Match` header names: a list of versions, `'*'` (any current version), or
 * undefined when the header is absent.
 */
export type IfMatch = readonly number[] | '*' | undefined;

/** What a client says about the version it read: `expectedVersion` in the body, `If-Match`, both, or neither. */
export interface VersionPrecondition {
  expectedVersion?: number;
  ifMatch?: IfMatch;
}

/** The resources that carry an optimistic `version`; the name is the `resource` of a `version_conflict`. */
export type VersionedResource =
  | 'cycle'
  | 'approval_request'
  | 'rules_version'
  | 'results_report'
  | 'score_entry'
  | 'scoring_period'
  | 'pledge'
  | 'unit_pledge'
  | 'pledge_progress_report'
  | 'meeting'
  | 'poll'
  | 'flag_handover'
  | 'user';

/** The ETag of a versioned record: its version, quoted (a strong validator: the version names one state). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Parses `If-Match`: `"3"`, `W/"3"`, a comma-separated list of them, or `*`. An empty header is
 * absent; anything else is a 400, never silently ignored.
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text === undefined || text.trim() === '') return undefined;
  if (text.trim() === '*') return '*';
  return text.split(',').map((tag) => {
    const match = /^\s*(?:W\/)?"([1-9]\d{0,8})"\s*$/.exec(tag);
    if (!match) {
      throw new CommonException(
        CommonErrorCode.IfMatchInvalid,
        'If-Match must hold the ETag you received, e.g. "3" or W/"3" (or *).',
        { ifMatch: text },
      );
    }
    return Number(match[1]);
  });
}

/**
 * The one check of an optimistic version, called by a service after it has locked the row:
 * each precondition sent must match the current version, else 409 `version_conflict` with
 * `{resource, expectedVersion, currentVersion}`. `currentVersion` is null when the record does
 * not exist yet (a score entry written for the first time): then any precondition is stale.
 * `context` adds what helps the client decide again (a cycle's phase, a request's state).
 */
export function assertVersion(
  resource: VersionedResource,
  currentVersion: number | null,
  { expectedVersion, ifMatch }: VersionPrecondition,
  context: Record<string, unknown> = {},
): void {
  const bodyStale = expectedVersion !== undefined && expectedVersion !== currentVersion;
  const headerStale =
    ifMatch !== undefined && (currentVersion === null || (ifMatch !== '*' && !ifMatch.includes(currentVersion)));
  if (!bodyStale && !headerStale) return;
  const sent = bodyStale ? expectedVersion : ifMatch === '*' ? null : (ifMatch?.[0] ?? null);
  throw new CommonException(
    CommonErrorCode.VersionConflict,
    currentVersion === null
      ? `You sent version ${sent ?? '*'} of a ${resource.replace(/_/g, ' ')} that does not exist yet; read it again.`
      : `You read version ${sent ?? '*'} of this ${resource.replace(/_/g, ' ')}; it is at version ${currentVersion} now. Read it again.`,
    { resource, expectedVersion: sent, currentVersion, ...context },
  );
}
