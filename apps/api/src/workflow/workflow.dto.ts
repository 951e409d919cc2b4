import {
  AvailableTransitions,
  ChainVerification,
  FireTransitionInput,
  WorkflowEventList,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class AvailableTransitionsDto extends createZodDto(AvailableTransitions) {}
export class FireTransitionDto extends createZodDto(FireTransitionInput) {}
export class WorkflowEventListDto extends createZodDto(WorkflowEventList) {}
export class ChainVerificationDto extends createZodDto(ChainVerification) {}
