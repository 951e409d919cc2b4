import { Module } from '@nestjs/common';
import { API_CONFIG } from '../config/api-config';
import { PilotRegistryController } from './pilot-registry.controller';
import { PilotRegistryService } from './pilot-registry.service';
import { RegistryOrganisationsController } from './registry-organisations.controller';
import { RegistryOrganisationsService } from './registry-organisations.service';
import { REPORTING_THRESHOLDS, reportingThresholdsOf } from './reporting-thresholds';

/** The public pilot registry and organisation directory (issue 5): read-only, every route public. */
@Module({
  controllers: [PilotRegistryController, RegistryOrganisationsController],
  providers: [
    PilotRegistryService,
    RegistryOrganisationsService,
    {
      provide: REPORTING_THRESHOLDS,
      inject: [API_CONFIG],
      useFactory: reportingThresholdsOf,
    },
  ],
})
export class PilotRegistryModule {}
