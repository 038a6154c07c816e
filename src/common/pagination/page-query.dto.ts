import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
/** Past a hundred thousand pages no one is paging by hand; the bound keeps the offset sane. */
export const MAX_PAGE = 100_000;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * `?page=&pageSize=&sort=` for every list route. Query values arrive as strings, and implicit
 * conversion is off, so numbers are converted here explicitly. Which `sort` fields a resource
 * accepts is checked by `parseSort` against that resource's allow-list.
 */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE,
    default: 1,
    description: 'Page number, from 1.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({
    example: '-createdAt,name',
    description: 'Comma-separated field names; a `-` prefix sorts that field descending. Each list names its fields.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^-?[A-Za-z]+(,-?[A-Za-z]+)*$/, {
    message: 'sort must be field names separated by commas, e.g. -createdAt,name',
  })
  sort?: string;
}

/**
 * `?flag=true|false` as a boolean. Anything else is left as is, so `@IsBoolean()` refuses it
 * instead of reading a typo as false.
 */
export function BooleanQueryParam() {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/** `?q=` search text: trimmed; empty means no filter. */
export function SearchQueryParam() {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  });
}
