import {
  CreatePracticeInput,
  Practice,
  PracticeListQuery,
  PracticePage,
  UpdatePracticeInput,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreatePracticeDto extends createZodDto(CreatePracticeInput) {}
export class UpdatePracticeDto extends createZodDto(UpdatePracticeInput) {}
export class PracticeListQueryDto extends createZodDto(PracticeListQuery) {}
export class PracticeDto extends createZodDto(Practice) {}
export class PracticePageDto extends createZodDto(PracticePage) {}
