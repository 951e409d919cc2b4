import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import {
  AnswerInvitationDto,
  InvitePartnerDto,
  PilotInvitationPageDto,
  PilotInvitationQueryDto,
  PilotPartnerDto,
} from './pilot.dto';
import { PilotPartnersService } from './pilot-partners.service';

@ApiTags('pilots')
@Controller()
export class PilotPartnersController {
  constructor(private readonly partners: PilotPartnersService) {}

  /** The lead's focal points invite a verified organisation, with a role and a message. */
  @Post('pilots/:id/partners')
  @Can('invite', 'Pilot')
  @ZodResponse({ status: 201, type: PilotPartnerDto })
  invite(@Param('id') id: string, @Body() body: InvitePartnerDto, @CurrentCaller() caller: SignedInCaller) {
    return this.partners.invite(parseId(id, 'pilot'), body, caller);
  }

  /** accept / decline by the invited organisation's focal points, withdraw by the lead's. */
  @Post('pilots/:id/partners/:partnerId/transitions/:name')
  @Can('read', 'Pilot')
  @HttpCode(200)
  @ZodResponse({ type: PilotPartnerDto })
  fire(
    @Param('id') id: string,
    @Param('partnerId') partnerId: string,
    @Param('name') name: string,
    @Body() body: AnswerInvitationDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.partners.fire(parseId(id, 'pilot'), parseId(partnerId, 'invitation'), name, body, caller);
  }

  /** Invitations to the caller's organisations, with the pilot's title and lead: their inbox. */
  @Get('pilot-invitations')
  @Can('read', 'PilotPartner')
  @ZodResponse({ type: PilotInvitationPageDto })
  invitations(@Query() query: PilotInvitationQueryDto, @CurrentCaller() caller: SignedInCaller) {
    return this.partners.invitations(query, caller);
  }
}
