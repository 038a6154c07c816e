import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { CHARTER_CAPITAL_PATTERN, FIGURE_FIELDS, type ResultsFigures } from '../results-figures';

const INT_MAX = 2_147_483_647;
export const NOTE_MAX_LENGTH = 2000;

/** A count of the report: a JSON integer, 0 or more (a string such as "12" is refused). */
const Count = () => (target: object, property: string) => {
  IsInt()(target, property);
  Min(0)(target, property);
  Max(INT_MAX)(target, property);
};

/** Charter capital in whole VND as a string of digits: JSON numbers lose precision past 2^53. */
export const CharterCapital = () => (target: object, property: string) => {
  IsString({ message: `${property} must be a string of digits (whole VND), e.g. "1269500000000"` })(target, property);
  Matches(CHARTER_CAPITAL_PATTERN, {
    message: `${property} must be whole VND written with up to 20 digits: no sign, decimals, separators or leading zeros`,
  })(target, property);
};

/** `{ "<figure>": "note" }`: keys are figure names, values non-empty text. */
export function FigureNotes(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'figureNotes',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([key, note]) =>
              (FIGURE_FIELDS as readonly string[]).includes(key) &&
              typeof note === 'string' &&
              note.trim().length > 0 &&
              note.length <= NOTE_MAX_LENGTH,
          ),
        defaultMessage: () =>
          `notes must be an object whose keys are figure names (${FIGURE_FIELDS.join(', ')}) and whose values ` +
          `are non-empty texts of at most ${NOTE_MAX_LENGTH} characters`,
      },
    },
    options,
  );
}

export const NOTES_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: NOTE_MAX_LENGTH },
  description: `An optional note per figure; keys: ${FIGURE_FIELDS.join(', ')}.`,
  example: { charterCapitalVnd: 'Gồm vốn góp của 12 HTX mới thành lập' },
} as const;

/** The seven figures, all required: a new report and a correction state every one of them. */
export class ReportFiguresDto implements ResultsFigures {
  @ApiProperty({ type: 'integer', minimum: 0, example: 482, description: 'Cooperatives (số HTX).' })
  @Count()
  cooperatives: number;

  @ApiProperty({
    type: String,
    pattern: CHARTER_CAPITAL_PATTERN.source,
    example: '348200000000',
    description: 'Charter capital (vốn điều lệ) in whole VND, as a string of digits.',
  })
  @CharterCapital()
  charterCapitalVnd: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 13420, description: 'Members and workers.' })
  @Count()
  membersAndWorkers: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3610, description: 'Cooperative groups (tổ hợp tác).' })
  @Count()
  cooperativeGroups: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3830, description: 'Members of cooperative groups (tổ viên).' })
  @Count()
  groupMembers: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 22, description: 'Cooperatives founded this year.' })
  @Count()
  newCooperatives: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 18,
    description: 'Member cooperatives admitted to the alliance this year.',
  })
  @Count()
  newMemberCooperatives: number;
}

/** The figures as answered: the same names and types as sent. */
export class FiguresResponseDto {
  @ApiProperty({ type: 'integer' }) cooperatives: number;
  @ApiProperty({ type: String, example: '1269500000000', description: 'Whole VND, exact.' })
  charterCapitalVnd: string;
  @ApiProperty({ type: 'integer' }) membersAndWorkers: number;
  @ApiProperty({ type: 'integer' }) cooperativeGroups: number;
  @ApiProperty({ type: 'integer' }) groupMembers: number;
  @ApiProperty({ type: 'integer' }) newCooperatives: number;
  @ApiProperty({ type: 'integer' }) newMemberCooperatives: number;
}
