import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition, type FieldError } from '../../common/errors/domain.exception';

export enum RulesErrorCode {
  VersionNotFound = 'rules_version_not_found',
  DraftForbidden = 'rules_draft_forbidden',
  ContentInvalid = 'rules_content_invalid',
  VersionNotDraft = 'rules_version_not_draft',
  AmendRequiresAdopted = 'amend_requires_adopted',
  VersionNumberTaken = 'rules_version_number_taken',
}

const RULES_ERRORS: Record<RulesErrorCode, ErrorDefinition> = {
  [RulesErrorCode.VersionNotFound]: { status: 404, title: 'No such rules version' },
  [RulesErrorCode.DraftForbidden]: { status: 403, title: "You may not draft or revise this cluster's rules" },
  [RulesErrorCode.ContentInvalid]: { status: 422, title: 'The rules content breaks a rule of the rules model' },
  [RulesErrorCode.VersionNotDraft]: { status: 409, title: 'Only a draft rules version can be changed' },
  [RulesErrorCode.AmendRequiresAdopted]: { status: 409, title: 'Only an adopted rules version can be amended' },
  [RulesErrorCode.VersionNumberTaken]: {
    status: 409,
    title: 'Another rules version of this cluster was drafted at the same time',
  },
};

export class RulesException extends DomainException<RulesErrorCode> {
  readonly definitions = RULES_ERRORS;

  static versionNotFound(id: string): RulesException {
    return new RulesException(RulesErrorCode.VersionNotFound, `There is no rules version with id ${id}.`, {
      rulesVersionId: id,
    });
  }

  /** `errors` name each offending field by its path in the request, e.g. `content.voting.quorum`. */
  static contentInvalid(errors: FieldError[]): RulesException {
    const count = errors.length === 1 ? 'One field' : `${errors.length} fields`;
    return new RulesException(
      RulesErrorCode.ContentInvalid,
      `${count} of the rules content break the rules of the model; see errors.`,
      { errors },
    );
  }
}

explainConstraint(
  'uq_rules_versions_cluster_number',
  () =>
    new RulesException(
      RulesErrorCode.VersionNumberTaken,
      'Another rules version of this cluster took the same number; send the request again.',
    ),
);
