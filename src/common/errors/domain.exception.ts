/** What the global filter needs to turn any module's exception into problem+json. */
export interface ErrorDefinition {
  status: number;
  title: string;
}

export interface FieldError {
  field: string;
  messages: string[];
  /** The field's own problem code, where a request lists several refusals (a bulk request). */
  code?: string;
}

/**
 * Base of every module's exception (`AuthException`, `RegistryException`, …). Services throw
 * these, never `HttpException`: the HTTP status comes from the module's own code table, and
 * `ProblemDetailsFilter` is the single place that writes the response.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  abstract readonly definitions: Record<Code, ErrorDefinition>;

  constructor(
    readonly code: Code,
    /** A sentence for the person using the API: what was refused and what to do instead. */
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? code);
    this.name = new.target.name;
  }

  get definition(): ErrorDefinition {
    return this.definitions[this.code];
  }
}
