import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import type { User } from '../users/user.entity';
import { LocalAuthGuard } from './auth.guards';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, MeDto, PasswordChangedDto, RefreshDto, TokenPairDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with email and password; returns an access token and a refresh token' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 403, 429)
  login(@Req() request: FastifyRequest & { user: User }): Promise<TokenPairDto> {
    return this.auth.login(request.user, { ip: request.ip, userAgent: request.headers['user-agent'] });
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a reused token ends the session' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token; its access tokens stop working at once' })
  @ApiNoContentResponse({ description: 'Signed out (also when the session had already ended).' })
  @ApiProblems(400)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @RequirePermission(Permission.SelfRead)
  @ApiOperation({ summary: 'Who I am: my account, my mandates in force and my permissions' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401)
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Post('me/password')
  @HttpCode(200)
  @RequirePermission(Permission.SelfRead)
  @ApiOperation({
    summary: 'Change my password',
    description:
      'Needs the current password (wrong guesses count like wrong sign-ins). Every other session of mine ends at ' +
      'once (their access and refresh tokens stop working); this one goes on. Written to the ledger.',
  })
  @ApiOkResponse({ type: PasswordChangedDto })
  @ApiProblems(400, 401, 403, 429)
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<PasswordChangedDto> {
    return this.auth.changePassword(actor, dto, { ip: request.ip });
  }
}
