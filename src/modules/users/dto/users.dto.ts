import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { BooleanQueryParam, PageQueryDto, SearchQueryParam } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';
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

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description:
      'At least 12 characters and not one of the common passwords (`password_too_short`, `password_too_common`). Stored only as an argon2id hash.',
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
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
  @ApiProperty({
    description: 'True after an administrator reset the password, until the person signs in with a new one.',
  })
  passwordMustChange: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the password was last changed or reset.',
  })
  passwordChangedAt: string | null;
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
    passwordMustChange: user.passwordMustChange,
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}

export class PasswordResetDto {
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why the password is reset (kept in the ledger), e.g. "forgotten, identity checked by phone".',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PasswordResetResponseDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({
    description:
      'Shown once, never stored in clear: hand it to the person by a channel you trust. It only lets them choose a new password (`newPassword` at sign-in).',
  })
  temporaryPassword: string;
  @ApiProperty({ description: 'How many of the sessions of the person were ended.' }) sessionsEnded: number;
}
