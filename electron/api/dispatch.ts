// The one place an API call crosses into the services, for IPC and HTTP alike: check the method name,
// validate the payload against the contract's schema, run the handler, and turn every failure into
// an ApiErrorPayload with a Chinese message. Nothing a caller sends can reach a handler unchecked.
import { ApiError, apiContract, isApiMethod, type ApiHandlers, type ApiResponse } from '../../shared/api/contract.ts';
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
      return { ok: false, error: { code: 'unknown-method', message: `未知的操作：${String(method).slice(0, 60)}` } };
    }
    const checked = validate(apiContract[method].input as z.ZodType<unknown>, payload ?? {}, '请求内容');
    if (!checked.ok) return { ok: false, error: { code: 'invalid-input', message: `请求内容不正确（${formatErrors(checked.errors, 3)}）` } };
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(checked.value);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toPayload() };
      options.onInternalError?.(method, error);
      const message = error instanceof Error && isChinese(error.message) ? error.message : '发生意外错误，数据未被修改';
      return { ok: false, error: { code: 'internal', message: `操作失败：${message}` } };
    }
  };
}

const isChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
