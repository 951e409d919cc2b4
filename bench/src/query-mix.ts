/**
 * The fixed query mix (issue 4): broad and narrow words, phrases, Spanish and French, misspellings,
 * one to three facet filters, and filters without words. Each entry is a query string of
 * GET /api/library/practices; the web page takes the same parameters.
 */
export const queryMix: readonly string[] = [
  // broad words
  'q=domestic+workers',
  'q=trabajadoras+dom%C3%A9sticas',
  'q=travailleuses+migrantes',
  'q=rights',
  // narrow words and places
  'q=remesas',
  'q=Philippines',
  'q=hotline+Nepal',
  'q=pensions',
  // phrases
  'q=%22pre-departure+orientation%22',
  'q=pre-departure+orientation+Philippines',
  'q=trabajadoras+dom%C3%A9sticas+remesas',
  'q=%22orientation+pr%C3%A9alable+au+d%C3%A9part%22',
  // misspellings (the did-you-mean path)
  'q=trabajadoras+domesticas+remesass',
  'q=pre-departure+orientaton+Philipines',
  // words with 1 to 3 facet filters
  'q=domestic+workers&theme=domestic-workers-rights',
  'q=remesas&theme=remittances-investment&language=es',
  'q=training&country=PH&stage=pre-departure&year=2018',
  // filters only
  'theme=pre-departure-orientation',
  'theme=care-economy&region=145',
  'country=MX&role=origin&targetGroup=domestic-workers',
  '',
  'sort=title&page=3',
];
