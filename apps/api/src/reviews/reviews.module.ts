import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReviewerProfileController } from './reviewer-profile.controller';
import { ReviewerProfileService } from './reviewer-profile.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [WorkflowModule],
  controllers: [ReviewsController, ReviewerProfileController],
  providers: [ReviewsService, ReviewerProfileService],
})
export class ReviewsModule {}
