import {
  CreatePilotMilestoneInput,
  CreatePilotReportInput,
  PilotMilestone,
  PilotMilestoneList,
  PilotReport,
  PilotReporting,
  PilotReportListQuery,
  PilotReportPage,
  RemovalQuery,
  SubmitPilotReportInput,
  UpdatePilotMilestoneInput,
  UpdatePilotReportInput,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class PilotMilestoneDto extends createZodDto(PilotMilestone) {}
export class PilotMilestoneListDto extends createZodDto(PilotMilestoneList) {}
export class CreatePilotMilestoneDto extends createZodDto(CreatePilotMilestoneInput) {}
export class UpdatePilotMilestoneDto extends createZodDto(UpdatePilotMilestoneInput) {}
export class PilotReportDto extends createZodDto(PilotReport) {}
export class PilotReportPageDto extends createZodDto(PilotReportPage) {}
export class PilotReportListQueryDto extends createZodDto(PilotReportListQuery) {}
export class CreatePilotReportDto extends createZodDto(CreatePilotReportInput) {}
export class UpdatePilotReportDto extends createZodDto(UpdatePilotReportInput) {}
export class SubmitPilotReportDto extends createZodDto(SubmitPilotReportInput) {}
export class RemovalQueryDto extends createZodDto(RemovalQuery) {}
export class PilotReportingDto extends createZodDto(PilotReporting) {}
