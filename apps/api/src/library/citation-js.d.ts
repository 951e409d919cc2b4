// citation-js ships no type declarations; these cover the part the library's citations use.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibliography', options: { format: 'text'; template: string; lang: string }): string;
    format(format: 'bibtex'): string;
    format(format: 'data', options: { format: 'object' }): unknown[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
