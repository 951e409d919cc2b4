export * from './library-entry';
export * from './publication-history';
