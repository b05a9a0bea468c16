// The names of the only IPC channels the app uses: one invoke channel per contract method, one menu channel.
import type { ApiMethod } from '../../shared/api/contract.ts';

const API_CHANNEL_PREFIX = 'jianbao:api:';

export function apiChannel(method: ApiMethod): string {
  return `${API_CHANNEL_PREFIX}${method}`;
}

/** main -> page: one MenuCommand string per message */
export const MENU_CHANNEL = 'jianbao:menu';
