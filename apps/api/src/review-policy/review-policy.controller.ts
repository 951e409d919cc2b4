import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReviewPolicy, UpdateReviewPolicyInput } from '@pathways/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { ReviewPolicyService } from './review-policy.service';

class ReviewPolicyDto extends createZodDto(ReviewPolicy) {}
class UpdateReviewPolicyDto extends createZodDto(UpdateReviewPolicyInput) {}

@ApiTags('reviews')
@Controller('review-policy')
export class ReviewPolicyController {
  constructor(private readonly policy: ReviewPolicyService) {}

  /** The policy in force (version 0: the defaults, never saved). Editors and admins. */
  @Get()
  @Can('read', 'ReviewPolicy')
  @ZodResponse({ type: ReviewPolicyDto })
  get() {
    return this.policy.get();
  }

  /** Admins replace the whole policy; `version` is the one they read (0 before the first save). */
  @Put()
  @Can('update', 'ReviewPolicy')
  @ZodResponse({ type: ReviewPolicyDto })
  update(@Body() body: UpdateReviewPolicyDto, @CurrentCaller() caller: SignedInCaller) {
    return this.policy.update(body, caller);
  }
}
