import { PilotPracticeList } from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class PilotPracticeListDto extends createZodDto(PilotPracticeList) {}
