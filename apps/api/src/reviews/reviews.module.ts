import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({ imports: [WorkflowModule], controllers: [ReviewsController], providers: [ReviewsService] })
export class ReviewsModule {}
