/** The global prefix of every API route (`/health` stays outside it). */
export const API_PREFIX = 'api/v1';
