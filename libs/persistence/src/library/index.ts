export * from './library-entry';
