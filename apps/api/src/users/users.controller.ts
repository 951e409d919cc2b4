import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { GrantRoleDto, UserDto, UserListQueryDto, UserPageDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Can('grant_role', 'User')
  @ZodResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto, @CurrentCaller() caller: SignedInCaller) {
    return this.users.list(query, caller);
  }

  @Post(':id/roles')
  @Can('grant_role', 'User')
  @HttpCode(200)
  @ZodResponse({ type: UserDto })
  grant(@Param('id') id: string, @Body() body: GrantRoleDto, @CurrentCaller() caller: SignedInCaller) {
    return this.users.grantRole(parseId(id, 'user'), body.role, caller);
  }

  /** The last admin cannot lose the role (409 LAST_ADMIN). */
  @Delete(':id/roles/:role')
  @Can('revoke_role', 'User')
  @ZodResponse({ type: UserDto })
  revoke(@Param('id') id: string, @Param('role') role: string, @CurrentCaller() caller: SignedInCaller) {
    return this.users.revokeRole(parseId(id, 'user'), role, caller);
  }
}
