import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RegistryOrganisation, RegistryOrganisationList } from '@pathways/contracts';
import { Public } from '../access/permission.decorator';
import {
  RegistryOrganisationDto,
  RegistryOrganisationListDto,
  RegistryOrganisationParamsDto,
  RegistryOrganisationQueryDto,
} from './pilot-registry.dto';
import { RegistryOrganisationsService } from './registry-organisations.service';

/** The public directory: verified organisations with at least one public pilot or published practice. */
@ApiTags('registry')
@Controller('registry/organisations')
export class RegistryOrganisationsController {
  constructor(private readonly organisations: RegistryOrganisationsService) {}

  /** By name, with how many public pilots and published practices each has. */
  @Get()
  @Public()
  @ApiOkResponse({ type: RegistryOrganisationListDto })
  list(@Query() query: RegistryOrganisationQueryDto): Promise<RegistryOrganisationList> {
    return this.organisations.list(query);
  }

  /** One organisation's public pilots (with its role in each) and published practices. */
  @Get(':id')
  @Public()
  @ApiOkResponse({ type: RegistryOrganisationDto })
  @ApiNotFoundResponse({ description: 'The organisation is not in the public directory.' })
  organisation(@Param() params: RegistryOrganisationParamsDto): Promise<RegistryOrganisation> {
    return this.organisations.organisation(params.id);
  }
}
