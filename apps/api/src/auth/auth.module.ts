import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, PasswordService],
  exports: [PasswordService],
})
export class AuthModule {}
