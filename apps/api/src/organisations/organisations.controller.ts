import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can, Public } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { MembershipsService } from './memberships.service';
import {
  CreateOrganisationDto,
  JoinRequestDto,
  MembershipDto,
  MembershipListDto,
  MembershipListQueryDto,
  OrganisationDto,
  OrganisationListQueryDto,
  OrganisationPageDto,
  RejectOrganisationDto,
  UpdateOrganisationDto,
  VerifyOrganisationDto,
} from './organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly memberships: MembershipsService,
  ) {}

  /** The public sees verified organisations; members also see their own, admins and editors all. */
  @Get()
  @Public()
  @ZodResponse({ type: OrganisationPageDto })
  list(@Query() query: OrganisationListQueryDto, @CurrentCaller() caller: Caller) {
    return this.organisations.list(query, caller);
  }

  @Post()
  @Can('create', 'Organisation')
  @ZodResponse({ status: 201, type: OrganisationDto })
  create(@Body() body: CreateOrganisationDto, @CurrentCaller() caller: SignedInCaller) {
    return this.organisations.create(body, caller);
  }

  @Get(':id')
  @Public()
  @ZodResponse({ type: OrganisationDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.organisations.get(parseId(id, 'organisation'), caller);
  }

  @Patch(':id')
  @Can('update', 'Organisation')
  @ZodResponse({ type: OrganisationDto })
  update(
    @Param('id') id: string,
    @Body() body: UpdateOrganisationDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.organisations.update(parseId(id, 'organisation'), body, caller);
  }

  @Post(':id/verify')
  @Can('verify', 'Organisation')
  @HttpCode(200)
  @ZodResponse({ type: OrganisationDto })
  verify(
    @Param('id') id: string,
    @Body() body: VerifyOrganisationDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.organisations.verify(parseId(id, 'organisation'), body.version, caller);
  }

  @Post(':id/reject')
  @Can('reject', 'Organisation')
  @HttpCode(200)
  @ZodResponse({ type: OrganisationDto })
  reject(
    @Param('id') id: string,
    @Body() body: RejectOrganisationDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.organisations.reject(parseId(id, 'organisation'), body, caller);
  }

  @Get(':id/memberships')
  @Can('read', 'Membership')
  @ZodResponse({ type: MembershipListDto })
  members(@Param('id') id: string, @Query() query: MembershipListQueryDto, @CurrentCaller() caller: Caller) {
    return this.memberships.list(parseId(id, 'organisation'), query, caller);
  }

  /** Asks to join; a focal point of the organisation approves or declines. */
  @Post(':id/memberships')
  @Can('join', 'Organisation')
  @ZodResponse({ status: 201, type: MembershipDto })
  requestToJoin(
    @Param('id') id: string,
    @Body() body: JoinRequestDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.memberships.requestToJoin(parseId(id, 'organisation'), body, caller);
  }
}
