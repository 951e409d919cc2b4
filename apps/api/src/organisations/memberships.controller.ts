import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { MembershipsService } from './memberships.service';
import { MembershipDto } from './organisation.dto';

@ApiTags('organisations')
@Controller('memberships')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Post(':id/approve')
  @Can('approve', 'Membership')
  @HttpCode(200)
  @ZodResponse({ type: MembershipDto })
  approve(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller) {
    return this.memberships.decide(parseId(id, 'membership'), 'approve', caller);
  }

  @Post(':id/decline')
  @Can('decline', 'Membership')
  @HttpCode(200)
  @ZodResponse({ type: MembershipDto })
  decline(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller) {
    return this.memberships.decide(parseId(id, 'membership'), 'decline', caller);
  }
}
