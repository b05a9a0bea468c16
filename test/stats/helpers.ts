// The statistics tests' way in: every contract method's handler over a real archive (createServiceHandlers,
// as the app wires them), each input checked by the contract's schema first, as the boundary does.
import { afterAll } from 'vitest';
import { createServiceHandlers } from '../../electron/api/services.ts';
import type { Archive } from '../../electron/services/archive/index.ts';
import { apiContract, type ApiInput, type ApiMethod, type ApiOutput } from '../../shared/api/contract.ts';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

export function servicesApiOf(archive: Archive) {
  const services = createServiceHandlers(archive);
  closers.push(services.close);
  return async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const parsed = apiContract[method].input.parse(input) as never;
    return (await (services.handlers[method] as (input: never) => unknown)(parsed)) as ApiOutput<M>;
  };
}
