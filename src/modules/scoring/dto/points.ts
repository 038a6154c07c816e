import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength, registerDecorator, type ValidationArguments } from 'class-validator';
import { parsePoints } from '../score-values';

/**
 * Points as sent: a decimal string or a JSON number with at most two decimals. The sign is
 * accepted here so that a negative score is refused by the range check (422 score_out_of_range),
 * like a score above the maximum, rather than as malformed.
 */
export function IsPoints() {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPoints',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => parsePoints(value) !== null,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a number of points (a decimal string or number) with at most 2 decimals`,
      },
    });
}

export const PointsProperty = (description: string) =>
  applyDecorators(
    ApiProperty({
      oneOf: [
        { type: 'string', pattern: '^-?\\d{1,12}(\\.\\d{1,2})?$' },
        { type: 'number', multipleOf: 0.01 },
      ],
      example: '8.5',
      description,
    }),
    IsPoints(),
  );

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Required text, trimmed, 1…max characters. */
export const RequiredText = (max: number, example: string, description?: string) =>
  applyDecorators(
    ApiProperty({ maxLength: max, example, description }),
    Transform(trim),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );

/** Optional text, trimmed; `null` or an empty string clears it. */
export const OptionalText = (max: number, example: string, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max, example, description }),
    Transform(trim),
    (target: object, property: string | symbol) => {
      // Absent or null: nothing to check; a string is checked for its length.
      registerDecorator({
        name: 'optionalText',
        target: target.constructor,
        propertyName: property as string,
        validator: {
          validate: (value: unknown) =>
            value === undefined || value === null || (typeof value === 'string' && value.length <= max),
          defaultMessage: (args: ValidationArguments) =>
            `${args.property} must be text of at most ${max} characters, or null`,
        },
      });
    },
  );
