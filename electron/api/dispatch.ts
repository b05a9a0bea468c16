// The one place an API call crosses into the services, for IPC and HTTP alike: check the method name,
// validate the payload against the contract's schema, run the handler, and turn every failure into
// an ApiErrorPayload with a Chinese message. Nothing a caller sends can reach a handler unchecked.
// This is where a service's error becomes the response: an ApiError (the one user-facing error type,
// shared/api/errors.ts) goes out with its code and message; anything else is a bug, reported to
// onInternalError and answered with a generic Chinese message.
import { apiContract, isApiMethod, type ApiHandlers, type ApiResponse } from '../../shared/api/contract.ts';
import { isUserFacing, unknownMethodError } from '../../shared/api/errors.ts';
import type { z } from 'zod';
import { formatErrors, validate } from '../../shared/model/validate.ts';

export type Dispatch = (method: unknown, payload: unknown) => Promise<ApiResponse<unknown>>;

export interface DispatchOptions {
  /** where unexpected errors are reported (they reach the user only as a generic Chinese message) */
  onInternalError?: (method: string, error: unknown) => void;
}

export function createDispatch(handlers: ApiHandlers, options: DispatchOptions = {}): Dispatch {
  return async (method, payload) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: unknownMethodError(method).toPayload() };
    }
    const checked = validate(apiContract[method].input as z.ZodType<unknown>, payload ?? {}, '请求内容');
    if (!checked.ok) return { ok: false, error: { code: 'invalid-input', message: `请求内容不正确（${formatErrors(checked.errors, 3)}）` } };
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(checked.value);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (isUserFacing(error)) return { ok: false, error: error.toPayload() };
      options.onInternalError?.(method, error);
      return { ok: false, error: { code: 'internal', message: '操作失败：发生意外错误，数据未被修改' } };
    }
  };
}
