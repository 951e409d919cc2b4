import { env } from '$env/dynamic/private';

const defaultApiUrl = 'http://127.0.0.1:3100';

/** Base URL of the Pathways API, without a trailing slash. */
export const apiUrl = (): string => (env.API_URL || defaultApiUrl).replace(/\/+$/, '');
