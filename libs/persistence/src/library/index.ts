export * from './library-entry';
export * from './publication-history';
export * from './review-decisions';
export * from './library-generation';
