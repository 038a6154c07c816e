import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Public, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import type { UserAccount } from '../users';
import { LocalAuthGuard } from './auth.guards';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { AuthService } from './auth.service';
import {
  BrowserSessionDto,
  ChangePasswordDto,
  LoginDto,
  MeDto,
  PasswordChangedDto,
  RefreshDto,
  SessionsEndedDto,
  TokenPairDto,
} from './dto/auth.dto';
import { clearBrowserSession, refreshTokenFromCookie, setBrowserSession } from './browser-session';

const CSRF_HEADER_DOC = {
  name: 'X-CSRF-Token',
  required: true,
  description: 'The csrfToken of the last browser sign-in or refresh (also in the thidua_csrf cookie).',
};

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
  login(@Req() request: FastifyRequest & { user: UserAccount }): Promise<TokenPairDto> {
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

  @Post('auth/browser/login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  @ApiOperation({
    summary: 'Sign in from a browser: the refresh token goes into an HttpOnly cookie',
    description:
      'As /auth/login, but the refresh token is set as the `thidua_refresh` cookie (HttpOnly; Secure; ' +
      'SameSite=Strict; Path=/api/v1/auth) and never returned; keep the access token in memory. The answer ' +
      'carries a CSRF token to echo on /auth/browser/refresh and /auth/browser/logout.',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiProblems(400, 401, 403, 429)
  async browserLogin(
    @Req() request: FastifyRequest & { user: UserAccount },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto> {
    const pair = await this.auth.login(request.user, { ip: request.ip, userAgent: request.headers['user-agent'] });
    return setBrowserSession(reply, pair);
  }

  @Post('auth/browser/refresh')
  @Public()
  @HttpCode(200)
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOperation({
    summary: "Renew a browser's session from its cookie (silent refresh)",
    description: 'Rotates the refresh cookie; a reused one ends the session, as on /auth/refresh.',
  })
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiProblems(401, 403)
  async browserRefresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto> {
    const pair = await this.auth.refresh(refreshTokenFromCookie(request));
    return setBrowserSession(reply, pair);
  }

  @Post('auth/browser/logout')
  @Public()
  @HttpCode(204)
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOperation({ summary: "End a browser's session and clear its cookies" })
  @ApiNoContentResponse({ description: 'Signed out (also when the session had already ended).' })
  @ApiProblems(401, 403)
  async browserLogout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(refreshTokenFromCookie(request));
    clearBrowserSession(reply);
  }

  @Post('auth/logout-everywhere')
  @HttpCode(200)
  @RequirePermission(Permission.SelfRead)
  @ApiOperation({
    summary: 'Sign out everywhere: every session of mine ends, this one included',
    description: 'Their access tokens stop working at once and their refresh tokens are refused.',
  })
  @ApiOkResponse({ type: SessionsEndedDto })
  @ApiProblems(401)
  logoutEverywhere(@CurrentActor() actor: Actor): Promise<SessionsEndedDto> {
    return this.auth.logoutEverywhere(actor);
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
