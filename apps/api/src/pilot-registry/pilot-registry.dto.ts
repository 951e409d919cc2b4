import {
  RegistryOrganisation,
  RegistryOrganisationList,
  RegistryOrganisationParams,
  RegistryOrganisationQuery,
  RegistryPilot,
  RegistryPilotExportQuery,
  RegistryPilotList,
  RegistryPilotParams,
  RegistryPilotQuery,
  RegistryPilotRecord,
} from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export class RegistryPilotQueryDto extends createZodDto(RegistryPilotQuery) {}
export class RegistryPilotExportQueryDto extends createZodDto(RegistryPilotExportQuery) {}
export class RegistryPilotParamsDto extends createZodDto(RegistryPilotParams) {}
export class RegistryPilotListDto extends createZodDto(RegistryPilotList) {}
export class RegistryPilotDto extends createZodDto(RegistryPilot) {}
export class RegistryPilotRecordDto extends createZodDto(RegistryPilotRecord) {}

export class RegistryOrganisationQueryDto extends createZodDto(RegistryOrganisationQuery) {}
export class RegistryOrganisationParamsDto extends createZodDto(RegistryOrganisationParams) {}
export class RegistryOrganisationListDto extends createZodDto(RegistryOrganisationList) {}
export class RegistryOrganisationDto extends createZodDto(RegistryOrganisation) {}
