import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { seedTaxonomy } from '@pathways/contracts';
import countries from 'i18n-iso-countries';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { type OaiListRequest, parseOaiArguments } from './oai-arguments';
import { dublinCore, oaiDcFormat } from './oai-dc';
import { oaiDatestamp } from './oai-dates';
import { echoesArguments, type OaiError, oaiError } from './oai-errors';
import { encodeOaiToken } from './oai-token';
import { element, oaiHeader, oaiIdentifierDescription, oaiResponse, resumptionToken } from './oai-xml';
import {
  type OaiListFilter,
  oaiDatestampBounds,
  oaiListPage,
  oaiListSize,
  oaiRecord,
  type OaiRow,
  type OaiStatement,
  oaiThemeLabels,
} from './oai.sql';

/** Records per page of ListIdentifiers and ListRecords. */
export const oaiPageSize = 100;

const themeSet = 'theme';
const themeCodes = seedTaxonomy.filter((t) => t.vocabulary === 'theme').map((t) => t.code);
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// An oai-identifier's repository part must be a domain name (not an address or "localhost").
const domainName = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

export interface OaiAnswer {
  xml: string;
}

/**
 * An OAI-PMH 2.0 repository over the library's read model: one record per published or retracted
 * practice, in Dublin Core, with a set per theme; retracted practices are deleted records, kept
 * for good (deletedRecord "persistent").
 */
@Injectable()
export class OaiService {
  private readonly host: string;

  constructor(
    private readonly em: EntityManager,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.host = new URL(config.PUBLIC_WEB_URL).hostname;
  }

  /** Harvesters are given the web's address, which forwards to this API. */
  get baseUrl(): string {
    return `${this.config.PUBLIC_WEB_URL}/oai`;
  }

  identifierOf(slug: string): string {
    return `oai:${this.host}:${slug}`;
  }

  private slugOf(identifier: string): string | null {
    const prefix = `oai:${this.host}:`;
    const slug = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : '';
    return slugPattern.test(slug) ? slug : null;
  }

  private async rows<T>({ sql, params }: OaiStatement): Promise<T[]> {
    const result = await this.em.getKnex().raw<{ rows: T[] }>(sql, params as never);
    return result.rows;
  }

  /** Answers one request, given its arguments in order (query string or form body). */
  async respond(pairs: readonly (readonly [string, string])[], now = new Date()): Promise<OaiAnswer> {
    const parsed = parseOaiArguments(pairs);
    // Timestamps come back as text.
    const [{ earliest }] = await this.rows<{ earliest: string | null }>({
      sql: oaiDatestampBounds,
      params: [],
    });
    let body: string | OaiError[] = parsed.errors;
    if (parsed.request) {
      const { request } = parsed;
      switch (request.verb) {
        case 'Identify':
          body = this.identify(earliest ? new Date(earliest) : now);
          break;
        case 'ListMetadataFormats':
          body = await this.listMetadataFormats(request.identifier);
          break;
        case 'ListSets':
          body = await this.listSets();
          break;
        case 'GetRecord':
          body = await this.getRecord(request.identifier);
          break;
        case 'ListIdentifiers':
        case 'ListRecords':
          body = await this.list(request);
          break;
      }
    }
    const errors = typeof body === 'string' ? [] : body;
    const xml = oaiResponse({
      responseDate: oaiDatestamp(now),
      baseUrl: this.baseUrl,
      echoed: echoesArguments(errors) ? parsed.arguments : null,
      body,
    });
    return { xml };
  }

  private identify(earliest: Date): string {
    const sample = this.identifierOf('pre-departure-orientation-1a2b3c4d');
    return [
      '  <Identify>',
      `    ${element('repositoryName', 'Pathways practice library')}`,
      `    ${element('baseURL', this.baseUrl)}`,
      `    ${element('protocolVersion', '2.0')}`,
      `    ${element('adminEmail', this.config.OAI_ADMIN_EMAIL)}`,
      `    ${element('earliestDatestamp', oaiDatestamp(earliest))}`,
      `    ${element('deletedRecord', 'persistent')}`,
      `    ${element('granularity', 'YYYY-MM-DDThh:mm:ssZ')}`,
      ...(domainName.test(this.host) ? [oaiIdentifierDescription(this.host, sample)] : []),
      '  </Identify>',
    ].join('\n');
  }

  private async find(identifier: string): Promise<OaiRow | null> {
    const slug = this.slugOf(identifier);
    if (!slug) return null;
    const [row] = await this.rows<OaiRow>({ sql: oaiRecord, params: [slug] });
    return row ?? null;
  }

  private async listMetadataFormats(identifier: string | undefined): Promise<string | OaiError[]> {
    if (identifier !== undefined && !(await this.find(identifier))) return [unknownIdentifier(identifier)];
    return [
      '  <ListMetadataFormats>',
      '    <metadataFormat>',
      `      ${element('metadataPrefix', oaiDcFormat.prefix)}`,
      `      ${element('schema', oaiDcFormat.schema)}`,
      `      ${element('metadataNamespace', oaiDcFormat.namespace)}`,
      '    </metadataFormat>',
      '  </ListMetadataFormats>',
    ].join('\n');
  }

  /** Theme labels in English, as an admin may have edited them. */
  private async themeLabels(): Promise<Map<string, string>> {
    const stored = await this.rows<{ code: string; label: string | null }>({
      sql: oaiThemeLabels,
      params: [],
    });
    const labels = new Map(
      seedTaxonomy.filter((t) => t.vocabulary === 'theme').map((t) => [t.code, t.label.en]),
    );
    for (const { code, label } of stored) if (label && labels.has(code)) labels.set(code, label);
    return labels;
  }

  private async listSets(): Promise<string> {
    const set = (spec: string, name: string) => [
      '    <set>',
      `      ${element('setSpec', spec)}`,
      `      ${element('setName', name)}`,
      '    </set>',
    ];
    const labels = await this.themeLabels();
    return [
      '  <ListSets>',
      ...set(themeSet, 'Themes'),
      ...[...labels].flatMap(([code, label]) => set(`${themeSet}:${code}`, label)),
      '  </ListSets>',
    ].join('\n');
  }

  private async getRecord(identifier: string): Promise<string | OaiError[]> {
    const row = await this.find(identifier);
    if (!row) return [unknownIdentifier(identifier)];
    const labels = await this.themeLabels();
    return ['  <GetRecord>', this.record(row, labels), '  </GetRecord>'].join('\n');
  }

  /** The filter of a set, or null for a set this repository does not have. */
  private setFilter(set: string | undefined): Pick<OaiListFilter, 'theme' | 'anyTheme'> | null {
    if (set === undefined) return {};
    if (set === themeSet) return { anyTheme: true };
    const code = set.startsWith(`${themeSet}:`) ? set.slice(themeSet.length + 1) : '';
    return themeCodes.includes(code) ? { theme: code } : null;
  }

  private async list(request: OaiListRequest): Promise<string | OaiError[]> {
    const sets = this.setFilter(request.set);
    const nothing = [oaiError('noRecordsMatch', 'No record matches the set and dates given.')];
    if (!sets) return nothing;
    const filter: OaiListFilter = { since: request.since, before: request.before, ...sets };
    const rows = await this.rows<OaiRow>(oaiListPage({ ...filter, after: request.after }, oaiPageSize + 1));
    if (!rows.length) return nothing;
    const page = rows.slice(0, oaiPageSize);
    const more = rows.length > oaiPageSize;
    const resumed = request.after !== undefined;
    let token: string | null = null;
    if (more || resumed) {
      // Counted once per harvest; records published since come after the cursor and raise it.
      const counted = request.size ?? (await this.rows<{ count: number }>(oaiListSize(filter)))[0].count;
      const size = Math.max(counted, request.cursor + page.length + (more ? 1 : 0));
      const last = page.at(-1)!;
      token = resumptionToken({
        token: more
          ? encodeOaiToken({
              verb: request.verb,
              metadataPrefix: request.metadataPrefix,
              set: request.set,
              from: request.from,
              until: request.until,
              after: { at: last.position, id: last.id },
              cursor: request.cursor + page.length,
              size,
            })
          : '',
        completeListSize: size,
        cursor: request.cursor,
      });
    }
    const labels = request.verb === 'ListRecords' ? await this.themeLabels() : new Map<string, string>();
    const items = page.map((row) =>
      request.verb === 'ListRecords' ? this.record(row, labels) : oaiHeader(this.header(row), '    '),
    );
    return [`  <${request.verb}>`, ...items, ...(token ? [token] : []), `  </${request.verb}>`].join('\n');
  }

  private header(row: OaiRow) {
    return {
      identifier: this.identifierOf(row.slug),
      datestamp: oaiDatestamp(new Date(row.refreshed_at)),
      setSpecs: row.themes.map((code) => `${themeSet}:${code}`),
      deleted: row.retracted,
    };
  }

  private record(row: OaiRow, labels: Map<string, string>): string {
    const header = oaiHeader(this.header(row), '      ');
    if (row.retracted) return ['    <record>', header, '    </record>'].join('\n');
    const metadata = dublinCore(
      {
        title: row.title,
        creator: row.organisation_name,
        subjects: row.themes.map((code) => labels.get(code) ?? code),
        description: row.summary,
        date: new Date(row.published_at).toISOString().slice(0, 10),
        language: row.language,
        coverage: [...new Set(row.countries.map((c) => c.code))].map(
          (code) => countries.getName(code, 'en') ?? code,
        ),
        identifier: `${this.config.PUBLIC_WEB_URL}/library/practices/${row.slug}`,
        rights: row.licence ? `https://spdx.org/licenses/${row.licence}.html` : null,
      },
      '        ',
    );
    return ['    <record>', header, '      <metadata>', metadata, '      </metadata>', '    </record>'].join(
      '\n',
    );
  }
}

const unknownIdentifier = (identifier: string) =>
  oaiError('idDoesNotExist', `No record has the identifier "${identifier}".`);
