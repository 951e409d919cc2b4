import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuthorReviewList,
  InviteReviewerInput,
  ReviewAssignment,
  ReviewAssignmentList,
  ReviewAssignmentTransitionInput,
  ReviewerSuggestionList,
} from '@pathways/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { ReviewsService } from './reviews.service';

class InviteReviewerDto extends createZodDto(InviteReviewerInput) {}
class ReviewAssignmentDto extends createZodDto(ReviewAssignment) {}
class ReviewAssignmentListDto extends createZodDto(ReviewAssignmentList) {}
class ReviewAssignmentTransitionDto extends createZodDto(ReviewAssignmentTransitionInput) {}
class ReviewerSuggestionListDto extends createZodDto(ReviewerSuggestionList) {}
class AuthorReviewListDto extends createZodDto(AuthorReviewList) {}

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** An editor invites a reviewer for the practice's current version. */
  @Post('practices/:id/review-assignments')
  @Can('create', 'ReviewAssignment')
  @ZodResponse({ status: 201, type: ReviewAssignmentDto })
  invite(@Param('id') id: string, @Body() body: InviteReviewerDto, @CurrentCaller() caller: SignedInCaller) {
    return this.reviews.invite(parseId(id, 'practice'), body, caller);
  }

  @Get('practices/:id/review-assignments')
  @Can('read', 'ReviewAssignment')
  @ZodResponse({ type: ReviewAssignmentListDto })
  panel(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.reviews.forPractice(parseId(id, 'practice'), caller);
  }

  /** The reviewer roster ranked by expertise and load for the current version, with exclusions. */
  @Get('practices/:id/reviewer-suggestions')
  @Can('create', 'ReviewAssignment')
  @ZodResponse({ type: ReviewerSuggestionListDto })
  suggestions(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller) {
    return this.reviews.suggestions(parseId(id, 'practice'), caller);
  }

  /** Submitted reviews of decided rounds, for the authors: anonymous, without confidential comments. */
  @Get('practices/:id/reviews')
  @Can('read', 'Review')
  @ZodResponse({ type: AuthorReviewListDto })
  forAuthors(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller) {
    return this.reviews.forAuthors(parseId(id, 'practice'), caller);
  }

  /** The caller's invitations and reviews. */
  @Get('review-assignments')
  @Can('read', 'ReviewAssignment')
  @ZodResponse({ type: ReviewAssignmentListDto })
  mine(@CurrentCaller() caller: SignedInCaller) {
    return this.reviews.mine(caller);
  }

  /** accept (with a conflict declaration), decline, or submit (with the review). */
  @Get('review-assignments/:id')
  @Can('read', 'ReviewAssignment')
  @ZodResponse({ type: ReviewAssignmentDto })
  one(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller) {
    return this.reviews.one(parseId(id, 'review assignment'), caller);
  }

  @Post('review-assignments/:id/transitions/:name')
  @Can('read', 'ReviewAssignment')
  @HttpCode(200)
  @ZodResponse({ type: ReviewAssignmentDto })
  fire(
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() body: ReviewAssignmentTransitionDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.reviews.fire(parseId(id, 'review assignment'), name, body, caller);
  }
}
