import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorService } from './actor.service';
import { CallerResolver } from './caller.resolver';
import { PermissionGuard } from './permission.guard';
import { SessionService } from './session.service';

@Global()
@Module({
  providers: [
    SessionService,
    ActorService,
    CallerResolver,
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [SessionService, ActorService, CallerResolver],
})
export class AccessModule {}
