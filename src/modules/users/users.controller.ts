import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  CreateUserDto,
  ListUsersQueryDto,
  PasswordResetDto,
  PasswordResetResponseDto,
  UpdateUserDto,
  UserResponseDto,
} from './dto/users.dto';
import { UserPasswordsService } from './user-passwords.service';
import { UsersService } from './users.service';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: UserPasswordsService,
  ) {}

  @Get()
  @RequirePermission(Permission.UsersRead)
  @ApiOperation({ summary: 'List accounts', description: 'Sort fields: email (default), fullName, createdAt.' })
  @ApiPageResponse(UserResponseDto)
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersRead)
  @ApiOperation({ summary: 'One account' })
  @ApiVersionedResponse(UserResponseDto)
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<UserResponseDto> {
    return this.users.get(actor, id);
  }

  @Post()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Create an account (it holds no mandate until one is granted)' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: 'Change an account',
    description:
      "Only an administrator may change someone else's account. Disabling an account ends its sessions at once. " +
      'A stale `expectedVersion` or If-Match, when sent, is 409 version_conflict.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUserDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<UserResponseDto> {
    return this.users.update(actor, id, dto, ifMatch);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: "Reset a person's password (administrators)",
    description:
      'Sets a random temporary password, shown once in the answer, and ends every session of the person at once. ' +
      'The temporary password only lets them choose a new one: signing in with it needs `newPassword`. ' +
      'Written to the ledger with the administrator as author (never the password).',
  })
  @ApiOkResponse({ type: PasswordResetResponseDto })
  @ApiProblems(400, 401, 403, 404)
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: PasswordResetDto,
  ): Promise<PasswordResetResponseDto> {
    return this.passwords.reset(actor, id, dto);
  }
}
