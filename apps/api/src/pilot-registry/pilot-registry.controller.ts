import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RegistryPilot, RegistryPilotExportQuery, RegistryPilotList } from '@pathways/contracts';
import { Public } from '../access/permission.decorator';
import { atomFeed } from '../library/atom-feed';
import { registryCsv, registryJson } from './pilot-registry-export.format';
import {
  RegistryPilotDto,
  RegistryPilotExportQueryDto,
  RegistryPilotListDto,
  RegistryPilotParamsDto,
  RegistryPilotQueryDto,
  RegistryPilotRecordDto,
} from './pilot-registry.dto';
import { PilotRegistryService } from './pilot-registry.service';

/**
 * The public pilot registry (issue 5): pilots from the moment they became active, never drafts,
 * invitations or unsubmitted reports. Repeat a filter for several values.
 */
@ApiTags('registry')
@Controller('registry')
export class PilotRegistryController {
  constructor(private readonly registry: PilotRegistryService) {}

  /** Public pilots matching the filters and words, newest activation first. */
  @Get('pilots')
  @Public()
  @ApiOkResponse({ type: RegistryPilotListDto })
  list(@Query() query: RegistryPilotQueryDto): Promise<RegistryPilotList> {
    return this.registry.list(query);
  }

  /**
   * Every pilot matching the filters (not just a page) as CSV with a header row. Partners are
   * `name:role`, countries `code:role`, each list separated by `;`.
   */
  @Get('pilots.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A download, streamed as it is read.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  exportCsv(@Query() query: RegistryPilotExportQueryDto, @Res() reply: FastifyReply): void {
    this.download(reply, query, 'csv');
  }

  /** The same as the CSV export, as one JSON array of objects. */
  @Get('pilots.json')
  @Public()
  @ApiOkResponse({ type: [RegistryPilotRecordDto], description: 'A download, streamed as it is read.' })
  exportJson(@Query() query: RegistryPilotExportQueryDto, @Res() reply: FastifyReply): void {
    this.download(reply, query, 'json');
  }

  /** The 50 latest activations and completions of pilots as Atom 1.0. */
  @Get('pilots/feed.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ content: { 'application/atom+xml': { schema: { type: 'string' } } } })
  async feed(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const entries = await this.registry.feedEntries();
    const xml = atomFeed({
      id: 'urn:pathways:registry:pilots',
      title: 'Pathways pilot registry: new and completed pilots',
      self: `${request.protocol}://${request.host}${request.url}`,
      alternate: `${this.registry.webUrl}/registry/pilots`,
      entries,
    });
    void reply.status(200).type('application/atom+xml; charset=utf-8').send(xml);
  }

  /** A public pilot's page: accepted partners, milestones, the latest submitted report against the targets. */
  @Get('pilots/:slug')
  @Public()
  @ApiOkResponse({ type: RegistryPilotDto })
  @ApiNotFoundResponse({ description: 'No public pilot has this slug.' })
  pilot(@Param() params: RegistryPilotParamsDto): Promise<RegistryPilot> {
    return this.registry.pilot(params.slug);
  }

  private download(reply: FastifyReply, query: RegistryPilotExportQuery, format: 'csv' | 'json'): void {
    const records = this.registry.records(query);
    const body = format === 'csv' ? registryCsv(records) : registryJson(records);
    void reply
      .status(200)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="pathways-pilots.${format}"`)
      .send(Readable.from(body));
  }
}
