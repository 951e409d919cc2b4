import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReviewerProfile } from '@pathways/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { ReviewerProfileService } from './reviewer-profile.service';

class ReviewerProfileDto extends createZodDto(ReviewerProfile) {}

@ApiTags('reviews')
@Controller()
export class ReviewerProfileController {
  constructor(private readonly profiles: ReviewerProfileService) {}

  /** The caller's expertise; for users with the reviewer role. */
  @Get('me/reviewer-profile')
  @Can('read', 'ReviewerProfile')
  @ZodResponse({ type: ReviewerProfileDto })
  mine(@CurrentCaller() caller: SignedInCaller) {
    return this.profiles.mine(caller);
  }

  /** Replaces the caller's expertise; themes are taxonomy theme codes. */
  @Put('me/reviewer-profile')
  @Can('update', 'ReviewerProfile')
  @ZodResponse({ type: ReviewerProfileDto })
  updateMine(@Body() body: ReviewerProfileDto, @CurrentCaller() caller: SignedInCaller) {
    return this.profiles.updateMine(body, caller);
  }

  /** Admins read any reviewer's expertise. */
  @Get('users/:id/reviewer-profile')
  @Can('read', 'ReviewerProfile')
  @ZodResponse({ type: ReviewerProfileDto })
  get(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller) {
    return this.profiles.get(parseId(id, 'user'), caller);
  }

  /** Admins keep the roster's expertise up to date. */
  @Put('users/:id/reviewer-profile')
  @Can('update', 'ReviewerProfile')
  @ZodResponse({ type: ReviewerProfileDto })
  update(@Param('id') id: string, @Body() body: ReviewerProfileDto, @CurrentCaller() caller: SignedInCaller) {
    return this.profiles.update(parseId(id, 'user'), body, caller);
  }
}
