/** The words of server-rendered HTML as a reader gets them: no comments, no tags, single spaces. */
export const renderedText = (html: string): string =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
