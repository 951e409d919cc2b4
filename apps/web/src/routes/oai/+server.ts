import { forwardOai } from '$lib/server/oai';
import type { RequestHandler } from './$types';

// The OAI-PMH base URL harvesters are given; both methods, as the protocol requires.
export const GET: RequestHandler = ({ request, getClientAddress }) =>
  forwardOai({ fetchFn: fetch, request, clientAddress: getClientAddress() });

export const POST: RequestHandler = ({ request, getClientAddress }) =>
  forwardOai({ fetchFn: fetch, request, clientAddress: getClientAddress() });
