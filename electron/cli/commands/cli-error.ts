// An error the command line reports as one Chinese line and exit code 2 (or the one given), without a
// stack trace: a user-facing ApiError like the services' own.
import { ApiError } from '../../../shared/api/errors.ts';

export class CliError extends ApiError {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super('invalid-input', message);
    this.name = 'CliError';
  }
}
