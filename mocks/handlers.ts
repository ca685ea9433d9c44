import { http, type RequestHandler } from 'msw';
import { handleHieRequest } from './hie.js';
import { createSmartHandlers } from './smart.js';

export const DEFAULT_MOCK_BASE_URL = 'https://hie.example/fhir';

export interface HieHandlerOptions {
  /**
   * FHIR base to answer on: absolute (`http://127.0.0.1:8787/fhir`), page-relative (`/mock-hie/fhir`)
   * or an msw pattern such as `*\/fhir` for any host. Default `https://hie.example/fhir`.
   */
  baseUrl?: string;
}

/** msw v2 handlers for the mock HIE: reads and searches for any resource type on `baseUrl`. */
export function createHieHandlers(opts: HieHandlerOptions = {}): RequestHandler[] {
  const base = (opts.baseUrl ?? DEFAULT_MOCK_BASE_URL).replace(/\/+$/, '');
  return [
    // Before the FHIR routes: `.well-known/smart-configuration` would otherwise read as a resource.
    ...createSmartHandlers(base),
    http.get(`${base}/:resourceType/:id`, ({ request, params }) =>
      handleHieRequest(request, { resourceType: String(params['resourceType']), id: String(params['id']) }),
    ),
    http.get(`${base}/:resourceType`, ({ request, params }) =>
      handleHieRequest(request, { resourceType: String(params['resourceType']) }),
    ),
  ];
}
