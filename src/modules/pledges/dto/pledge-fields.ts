import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Required text, trimmed, 1…max characters. */
export const PledgeText = (max: number, example: string, description?: string) =>
  applyDecorators(
    ApiProperty({ maxLength: max, example, description }),
    Transform(trim),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );

/** numeric(20,2): up to 18 digits before the point, at most 2 after, never negative. */
export const DECIMAL_PATTERN = /^\d{1,18}(\.\d{1,2})?$/;

/** An exact quantity as a decimal string ("20", "1269.5"): never a float. */
export const DecimalString = () => (target: object, property: string) => {
  IsString({ message: `${property} must be a decimal string such as "20" or "1269.5"` })(target, property);
  Matches(DECIMAL_PATTERN, {
    message: `${property} must be a decimal string ≥ 0 with at most 2 decimals, such as "20" or "1269.5"`,
  })(target, property);
};

/** A SHA-256 digest in hex, as `GET …/document` gave it. */
export const DIGEST_PATTERN = /^[0-9a-fA-F]{64}$/;
