import type { Locale } from '@pathways/contracts';

/**
 * Phrase banks the generator writes practices from. Real words in real sentences of each language,
 * so stemming, stop words, trigram similarity and the share of documents a word matches behave as
 * they would with submitted practices (a few words are in most documents, most words in few).
 */

type Bank = Record<Locale, readonly string[]>;

/** What a practice does, per theme: the words a search for that theme would use. */
export const themePhrases: Record<string, Bank> = {
  'emigration-immigration-return': {
    en: [
      'safe and orderly labour migration',
      'support for women returning home',
      'reintegration of returnee women',
    ],
    es: [
      'migración laboral segura y ordenada',
      'apoyo al retorno de las mujeres',
      'reintegración de mujeres retornadas',
    ],
    fr: [
      'migration de travail sûre et ordonnée',
      'accompagnement du retour des femmes',
      'réintégration des femmes de retour',
    ],
  },
  'irregular-migration-trafficking': {
    en: [
      'prevention of trafficking in women',
      'shelters for survivors of trafficking',
      'action against smuggling networks',
    ],
    es: [
      'prevención de la trata de mujeres',
      'albergues para sobrevivientes de trata',
      'acción contra las redes de tráfico ilícito',
    ],
    fr: [
      'prévention de la traite des femmes',
      'foyers pour les survivantes de la traite',
      'lutte contre les réseaux de passeurs',
    ],
  },
  'domestic-workers-rights': {
    en: [
      'standard employment contracts for domestic workers',
      'a weekly rest day for domestic workers',
      'labour inspection in private households',
    ],
    es: [
      'contratos tipo para trabajadoras domésticas',
      'descanso semanal de las trabajadoras domésticas',
      'inspección laboral en hogares particulares',
    ],
    fr: [
      'contrats types pour les travailleuses domestiques',
      'repos hebdomadaire des travailleuses domestiques',
      'inspection du travail dans les ménages',
    ],
  },
  'remittances-investment': {
    en: [
      'cheaper remittance transfers',
      'savings groups for migrant families',
      'productive investment of remittances',
    ],
    es: [
      'envío de remesas a menor costo',
      'grupos de ahorro para familias migrantes',
      'inversión productiva de las remesas',
    ],
    fr: [
      'transferts de fonds moins coûteux',
      "groupes d'épargne pour les familles migrantes",
      'investissement productif des envois de fonds',
    ],
  },
  'family-support': {
    en: [
      'care for children left behind',
      'counselling for families of migrant women',
      'family reunification support',
    ],
    es: [
      'cuidado de los hijos que se quedan',
      'orientación a las familias de mujeres migrantes',
      'apoyo a la reunificación familiar',
    ],
    fr: [
      'prise en charge des enfants restés au pays',
      'soutien aux familles des femmes migrantes',
      'aide au regroupement familial',
    ],
  },
  'bilateral-multilateral-agreements': {
    en: [
      'a bilateral labour agreement with gender clauses',
      'a memorandum of understanding on recruitment',
      'regional cooperation on labour mobility',
    ],
    es: [
      'un acuerdo bilateral de trabajo con cláusulas de género',
      'un memorando de entendimiento sobre contratación',
      'cooperación regional sobre movilidad laboral',
    ],
    fr: [
      'un accord bilatéral de main-d’œuvre avec des clauses de genre',
      "un protocole d'accord sur le recrutement",
      'une coopération régionale sur la mobilité du travail',
    ],
  },
  'macroeconomic-trade-policy': {
    en: ['gender analysis of trade policy', 'women in export sectors', 'labour market impact assessments'],
    es: [
      'análisis de género de la política comercial',
      'mujeres en los sectores de exportación',
      'evaluaciones del mercado laboral',
    ],
    fr: [
      'analyse de genre de la politique commerciale',
      "les femmes dans les secteurs d'exportation",
      "études d'impact sur le marché du travail",
    ],
  },
  'care-economy': {
    en: [
      'recognition of care work',
      'skills certification for care workers',
      'fair conditions in global care chains',
    ],
    es: [
      'reconocimiento del trabajo de cuidados',
      'certificación de competencias de las cuidadoras',
      'condiciones justas en las cadenas globales de cuidado',
    ],
    fr: [
      'reconnaissance du travail de soin',
      'certification des compétences des aides-soignantes',
      'conditions équitables dans les chaînes mondiales de soins',
    ],
  },
  'social-protection': {
    en: [
      'portable pensions for migrant workers',
      'health insurance for domestic workers',
      'social security coordination',
    ],
    es: [
      'pensiones portables para trabajadoras migrantes',
      'seguro de salud para trabajadoras domésticas',
      'coordinación de la seguridad social',
    ],
    fr: [
      'retraites transférables pour les travailleuses migrantes',
      'assurance maladie des travailleuses domestiques',
      'coordination de la sécurité sociale',
    ],
  },
  'labour-segregation': {
    en: [
      'access to skilled occupations',
      'vocational training beyond domestic work',
      'recognition of diplomas',
    ],
    es: [
      'acceso a ocupaciones calificadas',
      'formación profesional más allá del trabajo doméstico',
      'reconocimiento de títulos',
    ],
    fr: [
      'accès aux métiers qualifiés',
      'formation professionnelle au-delà du travail domestique',
      'reconnaissance des diplômes',
    ],
  },
  'information-regular-channels': {
    en: [
      'information on regular migration channels',
      'a helpline for prospective migrants',
      'awareness campaigns against fraudulent recruiters',
    ],
    es: [
      'información sobre canales regulares de migración',
      'una línea de ayuda para futuras migrantes',
      'campañas contra reclutadores fraudulentos',
    ],
    fr: [
      'information sur les voies régulières de migration',
      "une ligne d'écoute pour les candidates au départ",
      'campagnes contre les recruteurs frauduleux',
    ],
  },
  'pre-departure-orientation': {
    en: [
      'rights-based pre-departure orientation',
      'pre-departure training on labour rights',
      'orientation seminars before departure',
    ],
    es: [
      'orientación previa a la partida basada en derechos',
      'capacitación previa a la salida sobre derechos laborales',
      'talleres de orientación antes de la partida',
    ],
    fr: [
      'orientation préalable au départ fondée sur les droits',
      'formation avant le départ sur les droits du travail',
      "séances d'orientation avant le départ",
    ],
  },
  'stigma-discrimination-violence': {
    en: [
      'protection from gender-based violence',
      'legal aid against discrimination',
      'confidential reporting of abuse',
    ],
    es: [
      'protección frente a la violencia de género',
      'asistencia jurídica contra la discriminación',
      'denuncia confidencial de abusos',
    ],
    fr: [
      'protection contre les violences fondées sur le genre',
      'aide juridique contre la discrimination',
      'signalement confidentiel des abus',
    ],
  },
  'justice-safe-work': {
    en: [
      'access to justice for unpaid wages',
      'labour courts open to migrant women',
      'safe workplaces and occupational health',
    ],
    es: [
      'acceso a la justicia por salarios impagos',
      'tribunales laborales abiertos a mujeres migrantes',
      'lugares de trabajo seguros y salud laboral',
    ],
    fr: [
      'accès à la justice pour les salaires impayés',
      'prud’hommes ouverts aux femmes migrantes',
      'lieux de travail sûrs et santé au travail',
    ],
  },
  'organising-advocacy': {
    en: [
      'organising domestic workers in unions',
      'leadership training for migrant women',
      'advocacy for ratification of C189',
    ],
    es: [
      'organización sindical de las trabajadoras del hogar',
      'formación de liderazgo para mujeres migrantes',
      'incidencia para la ratificación del C189',
    ],
    fr: [
      'syndicalisation des travailleuses domestiques',
      'formation au leadership des femmes migrantes',
      'plaidoyer pour la ratification de la C189',
    ],
  },
  'male-responsibility-care': {
    en: ['fathers sharing care at home', 'men as allies against violence', 'community dialogues on care'],
    es: [
      'padres que comparten el cuidado en el hogar',
      'hombres aliados contra la violencia',
      'diálogos comunitarios sobre los cuidados',
    ],
    fr: [
      'pères partageant les soins au foyer',
      'les hommes alliés contre la violence',
      'dialogues communautaires sur le soin',
    ],
  },
  'data-gender-budgeting': {
    en: ['sex-disaggregated migration data', 'gender-responsive budgeting', 'a labour migration observatory'],
    es: [
      'datos de migración desagregados por sexo',
      'presupuestos con perspectiva de género',
      'un observatorio de migración laboral',
    ],
    fr: [
      'données migratoires ventilées par sexe',
      'budgétisation sensible au genre',
      'un observatoire des migrations de travail',
    ],
  },
};

/** Who a practice reaches. */
export const people: Bank = {
  en: [
    'women migrant workers',
    'migrant domestic workers',
    'returnee women',
    'women care workers',
    'young women leaving for work abroad',
    'undocumented women',
  ],
  es: [
    'trabajadoras migrantes',
    'trabajadoras domésticas migrantes',
    'mujeres retornadas',
    'trabajadoras del cuidado',
    'jóvenes que salen a trabajar al extranjero',
    'mujeres indocumentadas',
  ],
  fr: [
    'travailleuses migrantes',
    'travailleuses domestiques migrantes',
    'femmes de retour',
    'travailleuses du soin',
    "jeunes femmes partant travailler à l'étranger",
    'femmes sans papiers',
  ],
};

/** Title templates: {action}, {people}, {origin}, {destination}. */
export const titles: Bank = {
  en: [
    '{action} for {people} from {origin}',
    '{action} in {destination}',
    '{origin} to {destination}: {action}',
    '{action} with {people} in {destination}',
  ],
  es: [
    '{action} para {people} de {origin}',
    '{action} en {destination}',
    'De {origin} a {destination}: {action}',
    '{action} con {people} en {destination}',
  ],
  fr: [
    '{action} pour les {people} de {origin}',
    '{action} en {destination}',
    'De {origin} vers {destination} : {action}',
    '{action} avec les {people} en {destination}',
  ],
};

/** Sentences for the summary and body fields. */
export const sentences: Bank = {
  en: [
    'The programme offers {action} to {people} travelling from {origin} to {destination}.',
    'Recruitment agencies, embassies and trade unions take part in every session.',
    'Most participants had never seen their employment contract before leaving.',
    'Workers learn about wages, rest days, passport retention and where to ask for help.',
    'Local governments in {origin} fund the courses and certify the trainers.',
    'A hotline answers calls in the workers’ own languages every day of the week.',
    'The project was designed together with associations of returnee women.',
    'Employers in {destination} receive guidance on fair treatment and decent working hours.',
    'Community radio and social media carry the messages to remote villages.',
    'Cases of contract substitution and withheld wages are referred to the labour ministry.',
    'Evaluations show that trained workers report abuse earlier and recover unpaid wages more often.',
    'The approach has since been adopted by two neighbouring countries.',
    'Remittances sent through the scheme cost less than half of the market rate.',
    'Children and elderly relatives left behind receive regular home visits.',
  ],
  es: [
    'El programa ofrece {action} a {people} que viajan de {origin} a {destination}.',
    'Las agencias de contratación, los consulados y los sindicatos participan en cada sesión.',
    'La mayoría de las participantes nunca había visto su contrato antes de partir.',
    'Las trabajadoras aprenden sobre salarios, días de descanso, retención del pasaporte y dónde pedir ayuda.',
    'Los gobiernos locales de {origin} financian los cursos y certifican a las formadoras.',
    'Una línea telefónica atiende en el idioma de las trabajadoras todos los días de la semana.',
    'El proyecto se diseñó junto con asociaciones de mujeres retornadas.',
    'Los empleadores en {destination} reciben orientación sobre trato justo y jornadas dignas.',
    'La radio comunitaria y las redes sociales llevan los mensajes a las comunidades rurales.',
    'Los casos de sustitución de contratos y salarios retenidos se remiten al ministerio de trabajo.',
    'Las evaluaciones muestran que las trabajadoras capacitadas denuncian antes los abusos y recuperan más salarios.',
    'El enfoque fue adoptado después por dos países vecinos.',
    'Las remesas enviadas por el programa cuestan menos de la mitad de la tarifa del mercado.',
    'Los hijos y familiares mayores que se quedan reciben visitas domiciliarias periódicas.',
  ],
  fr: [
    'Le programme propose {action} aux {people} qui partent de {origin} vers {destination}.',
    'Les agences de recrutement, les consulats et les syndicats participent à chaque séance.',
    'La plupart des participantes n’avaient jamais vu leur contrat de travail avant le départ.',
    'Les travailleuses apprennent leurs droits sur le salaire, le repos, la confiscation du passeport et les recours.',
    'Les collectivités locales de {origin} financent les formations et certifient les formatrices.',
    'Une ligne d’écoute répond chaque jour dans la langue des travailleuses.',
    'Le projet a été conçu avec des associations de femmes de retour.',
    'Les employeurs en {destination} reçoivent des conseils sur un traitement équitable et des horaires décents.',
    'Les radios communautaires et les réseaux sociaux portent les messages jusque dans les villages.',
    'Les cas de substitution de contrat et de salaires retenus sont transmis au ministère du travail.',
    'Les évaluations montrent que les travailleuses formées signalent plus tôt les abus et récupèrent plus souvent leurs salaires.',
    'L’approche a depuis été reprise par deux pays voisins.',
    'Les envois de fonds passant par le dispositif coûtent moins de la moitié du tarif du marché.',
    'Les enfants et les parents âgés restés au pays reçoivent des visites régulières à domicile.',
  ],
};

/** Sex-disaggregated indicators. */
export const indicators: Bank = {
  en: [
    'People trained before departure',
    'Complaints resolved',
    'Workers with a written contract',
    'Unpaid wages recovered (USD)',
    'Members of the association',
    'Calls to the helpline',
  ],
  es: [
    'Personas capacitadas antes de la partida',
    'Quejas resueltas',
    'Trabajadoras con contrato escrito',
    'Salarios impagos recuperados (USD)',
    'Afiliadas a la asociación',
    'Llamadas a la línea de ayuda',
  ],
  fr: [
    'Personnes formées avant le départ',
    'Plaintes résolues',
    'Travailleuses ayant un contrat écrit',
    'Salaires impayés récupérés (USD)',
    "Membres de l'association",
    "Appels à la ligne d'écoute",
  ],
};

/** Organisation names: {place} is the organisation's country. */
export const organisationNames: Bank = {
  en: [
    'Ministry of Labour of {place}',
    'Migrant Women Workers Network {place}',
    'Domestic Workers Union of {place}',
    'Centre for Migration Research {place}',
    'Overseas Employment Office {place}',
  ],
  es: [
    'Ministerio de Trabajo de {place}',
    'Red de Trabajadoras Migrantes de {place}',
    'Sindicato de Trabajadoras del Hogar de {place}',
    'Centro de Estudios Migratorios de {place}',
    'Asociación de Mujeres Retornadas de {place}',
  ],
  fr: [
    'Ministère du Travail de {place}',
    'Réseau des travailleuses migrantes de {place}',
    'Syndicat des travailleuses domestiques de {place}',
    'Observatoire des migrations de {place}',
    'Association des femmes de retour de {place}',
  ],
};

/** Countries of origin and destination, so corridors look like real ones (PH → AE, MX → US …). */
export const origins = [
  'PH',
  'ID',
  'NP',
  'LK',
  'BD',
  'IN',
  'MX',
  'GT',
  'SV',
  'HN',
  'CO',
  'PE',
  'BO',
  'PY',
  'MA',
  'SN',
  'ET',
  'KE',
  'UG',
  'MG',
];
export const transits = ['MX', 'TR', 'LY', 'NI', 'MY', 'TH'];
export const destinations = [
  'AE',
  'SA',
  'QA',
  'KW',
  'LB',
  'JO',
  'HK',
  'SG',
  'MY',
  'US',
  'CA',
  'ES',
  'IT',
  'FR',
  'BE',
  'CL',
  'AR',
  'CR',
];
