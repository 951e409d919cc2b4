// What the global setup hands to the specs through `inject(...)`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The web app, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    apiUrl: string;
    /** The run's database, for specs that seed what no API writes yet (see pilot-seed.ts). */
    databaseUrl: string;
    /** Where the SMTP capture writes each sent message (see mail.ts). */
    mailDir: string;
    /** The demo seed's login lines, as the seed printed them. */
    logins: string[];
    /** How many seconds one review-policy day lasts in this stack (time is compressed). */
    daySeconds: number;
  }
}

export {};
