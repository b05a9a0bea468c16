// The one error meant for the clerk, wherever it starts (a service, the command line, the page): a code
// for the program and a Chinese sentence for the person. Services throw it (or a subclass of it); the
// dispatch turns it into an ApiErrorPayload, both transports rebuild it in the renderer, the command line
// prints its message as one line. Any other error is a bug, shown only as a generic message.
// Imports nothing: shared by Node (services, CLI), the preload and the renderer.

export const API_ERROR_CODES = ['invalid-input', 'not-found', 'conflict', 'read-only', 'unreadable', 'unknown-method', 'forbidden', 'internal'] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The error every transport carries back: a code for the program, a Chinese message for the clerk. */
export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toPayload(): ApiErrorPayload {
    return { code: this.code, message: this.message };
  }

  /** The error again on the receiving side of a transport (an unknown code becomes 'internal'). */
  static fromPayload(payload: ApiErrorPayload): ApiError {
    const code = (API_ERROR_CODES as readonly string[]).includes(payload.code) ? payload.code : 'internal';
    return new ApiError(code, String(payload.message));
  }
}

/** Whether an error is meant for the clerk: the one test, everywhere. */
export function isUserFacing(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The refusal of a name that is not a contract method (by the preload and by the dispatch alike). */
export function unknownMethodError(method: unknown): ApiError {
  return new ApiError('unknown-method', `未知的操作：${String(method).slice(0, 60)}`);
}
