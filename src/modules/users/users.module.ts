import { Global, Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { UserPasswordsService } from './user-passwords.service';
import { UserSessions } from './user-sessions';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  controllers: [UsersController],
  providers: [PasswordHasher, UsersService, UserPasswordsService, UserSessions],
  exports: [PasswordHasher, UsersService, UserSessions],
})
export class UsersModule {}
