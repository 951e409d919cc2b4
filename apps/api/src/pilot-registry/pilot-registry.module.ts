import { Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { PilotRegistryController } from './pilot-registry.controller';
import { PilotRegistryService } from './pilot-registry.service';
import { RegistryOrganisationsController } from './registry-organisations.controller';
import { RegistryOrganisationsService } from './registry-organisations.service';
import { loadReportingThresholds, REPORTING_THRESHOLDS } from './reporting-thresholds';

/** The public pilot registry and organisation directory (issue 5): read-only, every route public. */
@Module({
  controllers: [PilotRegistryController, RegistryOrganisationsController],
  providers: [
    PilotRegistryService,
    RegistryOrganisationsService,
    {
      provide: REPORTING_THRESHOLDS,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => loadReportingThresholds(process.env, config.DAY_SECONDS),
    },
  ],
})
export class PilotRegistryModule {}
