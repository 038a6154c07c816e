import { Global, Module } from '@nestjs/common';
import { AdminBootstrap } from './admin-bootstrap';
import { PasswordHasher } from './password-hasher';
import { UserPasswordsService } from './user-passwords.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  controllers: [UsersController],
  providers: [PasswordHasher, UsersService, UserPasswordsService, AdminBootstrap],
  exports: [PasswordHasher, UsersService],
})
export class UsersModule {}
