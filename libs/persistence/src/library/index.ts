export * from './library-entry';
export * from './publication-history';
export * from './library-generation';
