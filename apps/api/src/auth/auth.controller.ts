import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can, Public } from '../access/permission.decorator';
import { SessionService, type SessionMeta } from '../access/session.service';
import { AuthService } from './auth.service';
import { LoginDto, RegisterDto, SessionGrantDto } from './auth.dto';

const metaOf = (request: FastifyRequest): SessionMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('register')
  @Public()
  @ZodResponse({ status: 201, type: SessionGrantDto })
  register(@Body() body: RegisterDto, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    return this.auth.register(body, caller, metaOf(request));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: SessionGrantDto })
  login(@Body() body: LoginDto, @CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    return this.auth.login(body, caller, metaOf(request));
  }

  @Post('logout')
  @Can('delete', 'Session')
  @HttpCode(204)
  async logout(@CurrentCaller() caller: SignedInCaller): Promise<void> {
    await this.sessions.close(caller.sessionId);
  }

  /** Ends every session of the caller, on every device. */
  @Post('logout-all')
  @Can('delete', 'Session')
  @HttpCode(204)
  async logoutAll(@CurrentCaller() caller: SignedInCaller): Promise<void> {
    await this.sessions.closeAll(caller.user.id);
  }
}
