import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { BooleanQueryParam, PageQueryDto, SearchQueryParam } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { LOCALES, type Locale, type User } from '../user.entity';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const USER_SORT: SortSpec = {
  fields: { email: 'email', fullName: 'fullName', createdAt: 'createdAt' },
  default: 'email',
};

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive part of the email or the full name.', maxLength: 200 })
  @IsOptional()
  @SearchQueryParam()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @BooleanQueryParam()
  @IsBoolean()
  isActive?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'thuky.sonla@thidua.local', description: 'Stored trimmed and lower-cased.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'vi' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({ minLength: 10, maxLength: 256, description: 'Stored only as an argon2id hash.' })
  @IsString()
  @MinLength(10)
  @MaxLength(256)
  password: string;
}

/** Absent fields stay as they are; `null` is refused (none of these fields may be empty). */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan' })
  @ValidateIf((_, value) => value !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ description: 'False disables the account and ends all its sessions at once.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  isActive?: boolean;

  @ExpectedVersionField('account')
  expectedVersion?: number;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'thuky.sonla@thidua.local' }) email: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) fullName: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Optimistic version (also the ETag), for expectedVersion or If-Match.',
  })
  version: number;
}

/** The password hash never leaves the service: not in answers, not in the ledger. */
export function toUserResponse(user: User): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    locale: user.locale,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}
