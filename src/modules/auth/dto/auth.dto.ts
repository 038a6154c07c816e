import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'thuky.sonla@thidua.local' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'thidua-demo-2011' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({
    maxLength: 256,
    description:
      'A new password to set while signing in: required after an administrator reset the password ' +
      '(403 `password_change_required` without it); ends every other session. Same policy as everywhere.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  newPassword?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password in use now.' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({
    minLength: 12,
    maxLength: 256,
    description: 'At least 12 characters, not a common password (`password_too_short`, `password_too_common`).',
  })
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

export class PasswordChangedDto {
  @ApiProperty({ description: 'How many other sessions of yours were ended; this one goes on.' })
  sessionsEnded: number;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh. Single use.' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer …`.' }) accessToken: string;
  @ApiProperty({ format: 'date-time' }) accessTokenExpiresAt: string;
  @ApiProperty({ description: 'Opaque, single-use; exchange it at /api/v1/auth/refresh.' }) refreshToken: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt: string;
}

/** A browser's session: the refresh token is in an HttpOnly cookie, not here (decision 035). */
export class BrowserSessionDto {
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer …`; keep it in memory only.' })
  accessToken: string;
  @ApiProperty({ format: 'date-time' }) accessTokenExpiresAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the session cookie expires unless refreshed.' })
  refreshTokenExpiresAt: string;
  @ApiProperty({
    description: 'Echo it in `X-CSRF-Token` on /auth/browser/refresh and /logout (also in the thidua_csrf cookie).',
  })
  csrfToken: string;
}

export class SessionsEndedDto {
  @ApiProperty({ type: 'integer', description: 'How many sessions of yours ended, this one included.' })
  sessionsEnded: number;
}

class MeUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['vi', 'en'] }) locale: string;
}

class MeScopeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class MeMandateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['admin', 'secretariat', 'head', 'officer', 'delegate'] }) role: string;
  @ApiProperty({ type: MeScopeDto, nullable: true }) unit: MeScopeDto | null;
  @ApiProperty({ type: MeScopeDto, nullable: true }) cluster: MeScopeDto | null;
  @ApiProperty({
    type: [MeScopeDto],
    description: "For a unit's mandate: the clusters the unit is a member of today (the portal works in them).",
  })
  unitClusters: MeScopeDto[];
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validTo: string | null;
}

export class MeDto {
  @ApiProperty({ type: MeUserDto }) user: MeUserDto;
  @ApiProperty({ type: [MeMandateDto], description: 'Mandates in force now.' }) mandates: MeMandateDto[];
  @ApiProperty({ type: [String], example: ['self.read', 'clusters.read'] }) permissions: string[];
}
