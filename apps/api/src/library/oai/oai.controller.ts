import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../access/permission.decorator';
import { DomainError } from '../../common/domain-error';
import { isNotModified, libraryValidators, notModifiedResponse } from '../conditional-get';
import { LibraryGeneration } from '../library-generation';
import { OaiService } from './oai.service';

const formType = 'application/x-www-form-urlencoded';

const argumentNames = ['verb', 'identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'];
const argumentHelp: Record<string, string> = {
  verb: 'Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers or ListRecords',
  identifier: 'oai:<host>:<practice slug>',
  metadataPrefix: 'oai_dc',
  from: 'YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC), inclusive',
  until: 'YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC), inclusive',
  set: 'theme, or theme:<theme code>',
  resumptionToken: 'from the previous page; given alone with the verb',
};
const xmlAnswer = {
  description:
    'An OAI-PMH 2.0 response. Protocol errors (badVerb, badArgument, cannotDisseminateFormat, ' +
    'idDoesNotExist, noRecordsMatch, badResumptionToken) are answered with HTTP 200 and <error> elements.',
  content: { 'text/xml': { schema: { type: 'string' } } },
};

/** The repository's arguments, in order; a repeated one stays repeated, for the protocol to refuse. */
function formPairs(body: unknown): [string, string][] {
  if (body === undefined || body === null || body === '') return [];
  if (typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, String(v)]),
  );
}

/**
 * OAI-PMH 2.0 (Dublin Core) for other repositories to harvest the library. The protocol defines its
 * own arguments and errors, so requests are read here rather than through a zod schema.
 */
@ApiTags('library')
@Controller('oai')
export class OaiController {
  constructor(
    private readonly oai: OaiService,
    private readonly generation: LibraryGeneration,
  ) {}

  /** The repository's base URL; harvesters use the web's `/oai`, which forwards here. */
  @Get()
  @Public()
  @ApiProduces('text/xml')
  @ApiOkResponse(xmlAnswer)
  @ApiResponse(notModifiedResponse)
  @ApiQueryArguments()
  async get(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    return this.answer(request, reply, [...new URLSearchParams(search)]);
  }

  /** The same, with the arguments in a form body (§3.1.1.2). */
  @Post()
  @Public()
  @HttpCode(200)
  @ApiConsumes(formType)
  @ApiProduces('text/xml')
  @ApiBody({
    schema: {
      type: 'object',
      properties: Object.fromEntries(
        argumentNames.map((name) => [name, { type: 'string', description: argumentHelp[name] }]),
      ),
      required: ['verb'],
    },
  })
  @ApiOkResponse(xmlAnswer)
  async post(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (request.body !== undefined && type !== formType)
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', `OAI-PMH requests are posted as ${formType}.`);
    return this.answer(request, reply, formPairs(request.body));
  }

  /**
   * The answer, or 304 to a GET whose copy is current: an answer changes only with the library's
   * generation (its responseDate aside, which a cached copy may keep).
   */
  private async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    pairs: [string, string][],
  ): Promise<void> {
    const state = await this.generation.current();
    if (isNotModified(request, reply, libraryValidators(state, `oai\n${JSON.stringify(pairs)}`))) {
      void reply.status(304).send();
      return;
    }
    const { xml } = await this.oai.respond(pairs);
    void reply.status(200).type('text/xml; charset=utf-8').send(xml);
  }
}

function ApiQueryArguments(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const name of argumentNames)
      ApiQuery({ name, required: false, type: String, description: argumentHelp[name] })(
        target,
        key,
        descriptor,
      );
  };
}
