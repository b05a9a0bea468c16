// The typed API client over any transport (IPC through the preload, HTTP to browser mode's server, the
// dispatch itself for the command line): one async function per contract method; a refused call rejects
// with the ApiError rebuilt from its payload, code included, whatever carried it.
import { apiMethods, type ApiClient, type ApiMethod, type ApiResponse } from './contract.ts';
import { ApiError } from './errors.ts';

/** Carries one call and brings back its response; never throws for a refused call. */
export type Transport = (method: ApiMethod, input: unknown) => Promise<ApiResponse<unknown>>;

export function createApiClient(transport: Transport): ApiClient {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of apiMethods) {
    client[method] = async (input: unknown) => {
      const response = await transport(method, input);
      if (!response.ok) throw ApiError.fromPayload(response.error);
      return response.value;
    };
  }
  return client as ApiClient;
}
