export * from './definition';
export * from './engine';
export * from './mermaid';
export * from './definitions';
