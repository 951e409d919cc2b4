import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { MeDto, UpdateProfileDto, UserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('account')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  /** The caller, their memberships and their packed CASL rules (the web shows only what they can do). */
  @Get()
  @Can('read', 'User')
  @ZodResponse({ type: MeDto })
  me(@CurrentCaller() caller: SignedInCaller) {
    return this.users.me(caller);
  }

  @Patch()
  @Can('update', 'User')
  @ZodResponse({ type: UserDto })
  update(@Body() body: UpdateProfileDto, @CurrentCaller() caller: SignedInCaller) {
    return this.users.updateProfile(body, caller);
  }
}
