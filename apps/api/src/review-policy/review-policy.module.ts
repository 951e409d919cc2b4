import { Module } from '@nestjs/common';
import { ReviewPolicyController } from './review-policy.controller';
import { ReviewPolicyService } from './review-policy.service';

@Module({ controllers: [ReviewPolicyController], providers: [ReviewPolicyService] })
export class ReviewPolicyModule {}
