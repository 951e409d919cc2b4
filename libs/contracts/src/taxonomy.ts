import { z } from 'zod';
import type { LocalisedText } from './locale';

/** Organisation kinds are fixed: rules depend on them (e.g. a UN entity on every review panel). */
export const organisationKinds = [
  'government',
  'un_entity',
  'international_organisation',
  'civil_society',
  'migrant_workers_association',
  'trade_union',
  'employer',
  'research',
] as const;
export const OrganisationKind = z.enum(organisationKinds, {
  error: `Choose one of: ${organisationKinds.join(', ')}`,
});
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const vocabularies = [
  'organisation_kind',
  'theme',
  'stage',
  'country_role',
  'target_group',
  'framework',
] as const;
export const Vocabulary = z.enum(vocabularies);
export type Vocabulary = z.infer<typeof Vocabulary>;

export const TaxonomyTerm = z.object({
  vocabulary: Vocabulary,
  code: z.string(),
  label: z.object({ en: z.string(), es: z.string(), fr: z.string() }),
  position: z.number().int(),
});
export type TaxonomyTerm = z.infer<typeof TaxonomyTerm>;

export const TaxonomyList = z.object({ items: z.array(TaxonomyTerm) });
export type TaxonomyList = z.infer<typeof TaxonomyList>;

type Seed = readonly (readonly [code: string, en: string, es: string, fr: string])[];
const terms = (vocabulary: Vocabulary, rows: Seed): TaxonomyTerm[] =>
  rows.map(([code, en, es, fr], position) => ({
    vocabulary,
    code,
    label: { en, es, fr } satisfies LocalisedText,
    position,
  }));

/** The seeded taxonomy (DESIGN §2), drawn from the Mexico City Conclusions (2010). Admins may edit it later. */
export const seedTaxonomy: TaxonomyTerm[] = [
  ...terms('organisation_kind', [
    ['government', 'Government', 'Gobierno', 'Gouvernement'],
    ['un_entity', 'UN entity', 'Entidad de las Naciones Unidas', 'Entité des Nations Unies'],
    [
      'international_organisation',
      'International organisation',
      'Organización internacional',
      'Organisation internationale',
    ],
    ['civil_society', 'Civil society', 'Sociedad civil', 'Société civile'],
    [
      'migrant_workers_association',
      "Migrant women workers' association",
      'Asociación de trabajadoras migrantes',
      'Association de travailleuses migrantes',
    ],
    ['trade_union', 'Trade union', 'Sindicato', 'Syndicat'],
    ['employer', 'Employer / private sector', 'Empleador / sector privado', 'Employeur / secteur privé'],
    ['research', 'Research / academia', 'Investigación / academia', 'Recherche / université'],
  ]),
  ...terms('theme', [
    [
      'emigration-immigration-return',
      "Women's emigration, immigration and return",
      'Emigración, inmigración y retorno de las mujeres',
      'Émigration, immigration et retour des femmes',
    ],
    [
      'irregular-migration-trafficking',
      'Irregular migration, smuggling and trafficking',
      'Migración irregular, tráfico ilícito y trata de personas',
      'Migration irrégulière, trafic illicite et traite des personnes',
    ],
    [
      'domestic-workers-rights',
      'Labour and social rights of domestic workers',
      'Derechos laborales y sociales de las trabajadoras domésticas',
      'Droits du travail et droits sociaux des travailleuses domestiques',
    ],
    [
      'remittances-investment',
      'Remittances, savings and productive investment',
      'Remesas, ahorro e inversión productiva',
      'Envois de fonds, épargne et investissement productif',
    ],
    [
      'family-support',
      'Support to families in origin, transit and destination',
      'Apoyo a las familias en origen, tránsito y destino',
      "Soutien aux familles dans les pays d'origine, de transit et de destination",
    ],
    [
      'bilateral-multilateral-agreements',
      'Bilateral and multilateral agreements',
      'Acuerdos bilaterales y multilaterales',
      'Accords bilatéraux et multilatéraux',
    ],
    [
      'macroeconomic-trade-policy',
      'Macroeconomic and trade policy',
      'Política macroeconómica y comercial',
      'Politique macroéconomique et commerciale',
    ],
    [
      'care-economy',
      'The global care economy and care chains',
      'La economía global del cuidado y las cadenas de cuidado',
      "L'économie mondiale des soins et les chaînes de soins",
    ],
    [
      'social-protection',
      'Social protection (health, insurance, pension)',
      'Protección social (salud, seguros, pensiones)',
      'Protection sociale (santé, assurance, retraite)',
    ],
    ['labour-segregation', 'Labour segregation', 'Segregación laboral', 'Ségrégation professionnelle'],
    [
      'information-regular-channels',
      'Information and awareness on regular channels',
      'Información y sensibilización sobre canales regulares',
      'Information et sensibilisation sur les voies régulières',
    ],
    [
      'pre-departure-orientation',
      'Rights-based pre-departure orientation and skills',
      'Orientación previa a la partida basada en derechos y formación',
      'Orientation préalable au départ fondée sur les droits et compétences',
    ],
    [
      'stigma-discrimination-violence',
      'Stigma, discrimination and violence',
      'Estigma, discriminación y violencia',
      'Stigmatisation, discrimination et violence',
    ],
    [
      'justice-safe-work',
      'Access to justice and safe working conditions',
      'Acceso a la justicia y condiciones de trabajo seguras',
      'Accès à la justice et conditions de travail sûres',
    ],
    [
      'organising-advocacy',
      'Organising and advocacy of migrant women workers',
      'Organización e incidencia de las trabajadoras migrantes',
      'Organisation et plaidoyer des travailleuses migrantes',
    ],
    [
      'male-responsibility-care',
      'Male responsibility for domestic work and care',
      'Responsabilidad masculina en el trabajo doméstico y de cuidados',
      'Responsabilité des hommes dans le travail domestique et les soins',
    ],
    [
      'data-gender-budgeting',
      'Sex-disaggregated data and gender-sensitive budgeting',
      'Datos desglosados por sexo y presupuestos sensibles al género',
      'Données ventilées par sexe et budgétisation sensible au genre',
    ],
  ]),
  ...terms('stage', [
    ['pre-departure', 'Pre-departure', 'Antes de la partida', 'Avant le départ'],
    ['transit', 'Transit', 'Tránsito', 'Transit'],
    ['destination', 'Destination', 'Destino', 'Destination'],
    [
      'return-reintegration',
      'Return and reintegration',
      'Retorno y reintegración',
      'Retour et réintégration',
    ],
  ]),
  ...terms('country_role', [
    ['origin', 'Origin', 'Origen', 'Origine'],
    ['transit', 'Transit', 'Tránsito', 'Transit'],
    ['destination', 'Destination', 'Destino', 'Destination'],
  ]),
  ...terms('target_group', [
    ['domestic-workers', 'Domestic workers', 'Trabajadoras domésticas', 'Travailleuses domestiques'],
    ['care-workers', 'Care workers', 'Trabajadoras del cuidado', 'Travailleuses du soin'],
    ['undocumented-women', 'Undocumented women', 'Mujeres indocumentadas', 'Femmes sans papiers'],
    [
      'trafficking-survivors',
      'Survivors of trafficking',
      'Sobrevivientes de trata',
      'Survivantes de la traite',
    ],
    ['returnees', 'Returnees', 'Mujeres retornadas', 'Femmes de retour'],
    [
      'families-origin',
      'Families in countries of origin',
      'Familias en los países de origen',
      "Familles dans les pays d'origine",
    ],
    ['men-communities', 'Men and communities', 'Hombres y comunidades', 'Hommes et communautés'],
    [
      'migrant-womens-organisations',
      "Migrant women's organisations",
      'Organizaciones de mujeres migrantes',
      'Organisations de femmes migrantes',
    ],
  ]),
  ...terms('framework', [
    [
      'gfmd-rt-1-1',
      'GFMD 2010 RT 1.1 — Regular and protected migration of women migrant workers',
      'FMMD 2010 MR 1.1 — Migración regular y protegida de las trabajadoras migrantes',
      'FMMD 2010 TR 1.1 — Migration régulière et protégée des travailleuses migrantes',
    ],
    [
      'gfmd-rt-2-1',
      'GFMD 2010 RT 2.1 — Labour mobility: strategies for human development',
      'FMMD 2010 MR 2.1 — Movilidad laboral: estrategias para el desarrollo humano',
      'FMMD 2010 TR 2.1 — Mobilité de la main-d’œuvre : stratégies de développement humain',
    ],
    [
      'gfmd-rt-2-2',
      'GFMD 2010 RT 2.2 — Gender, family and migration',
      'FMMD 2010 MR 2.2 — Género, familia y migración',
      'FMMD 2010 TR 2.2 — Genre, famille et migration',
    ],
    [
      'gfmd-rt-3-1',
      'GFMD 2010 RT 3.1 — Impact of migration on development',
      'FMMD 2010 MR 3.1 — Impacto de la migración en el desarrollo',
      'FMMD 2010 TR 3.1 — Impact de la migration sur le développement',
    ],
    ['cedaw', 'CEDAW', 'CEDAW', 'CEDEF'],
    [
      'beijing-platform',
      'Beijing Platform for Action',
      'Plataforma de Acción de Beijing',
      "Programme d'action de Beijing",
    ],
    [
      'ilo-c189',
      'ILO Domestic Workers Convention (C189)',
      'Convenio sobre las trabajadoras y los trabajadores domésticos de la OIT (C189)',
      "Convention de l'OIT sur les travailleuses et travailleurs domestiques (C189)",
    ],
  ]),
];
