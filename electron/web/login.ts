// Who may use browser mode: whoever opens the one-time login address printed by `npm run web` (or
// written, readable by its owner only, to the data folder). Opening it once trades it for a random
// session cookie; the address is then spent and a fresh one is made for the next browser. Nothing an
// unauthenticated request can read carries a secret.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SESSION_COOKIE = 'jianbao_session';
export const LOGIN_FILE_NAME = 'browser-login.txt';
/** the login address is `<origin>/login/<token>` */
export const LOGIN_PATH = '/login/';

const random = () => randomBytes(32).toString('base64url');
const digest = (value: string) => createHash('sha256').update(value).digest();

function equalDigests(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Every value a Cookie header gives one cookie name (another site on 127.0.0.1 may have set one too). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) values.push(part.slice(index + 1).trim());
  }
  return values;
}

/** Writes `content` to `file` with mode 0600: a fresh file under a random name, then renamed over the old one. */
export function writeOwnerOnlyFile(file: string, content: string): void {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export interface LoginGateOptions {
  /** where the current login address is kept (mode 0600) */
  dataDir: string;
  /** the server's origin, e.g. http://127.0.0.1:5170 */
  origin: string;
}

export class LoginGate<Session extends object> {
  readonly loginFile: string;
  /** sha256 of the one login token that works now */
  private pending: Buffer | null = null;
  /** sessions by sha256 of their cookie value */
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly options: LoginGateOptions,
    private readonly newSession: () => Session,
  ) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.loginFile = join(options.dataDir, LOGIN_FILE_NAME);
  }

  /** Makes a fresh one-time login address (the previous one stops working) and writes it to the login file. */
  mintLoginUrl(): string {
    const token = random();
    this.pending = digest(token);
    const url = `${this.options.origin}${LOGIN_PATH}${token}`;
    writeOwnerOnlyFile(this.loginFile, `${url}\n`);
    return url;
  }

  /** Spends a login token: the new session's cookie value, or null when the token is not the current one. */
  redeem(token: string): string | null {
    if (!this.pending || !equalDigests(digest(token), this.pending)) return null;
    this.pending = null;
    const value = random();
    this.sessions.set(digest(value).toString('hex'), this.newSession());
    return value;
  }

  /** The session a Cookie header names, or null. */
  session(cookieHeader: string | undefined): Session | null {
    for (const value of cookieValues(cookieHeader, SESSION_COOKIE).slice(0, 8)) {
      const session = value && this.sessions.get(digest(value).toString('hex'));
      if (session) return session;
    }
    return null;
  }

  /** Forgets every session and the login address, and removes the login file. */
  close(): void {
    this.pending = null;
    this.sessions.clear();
    rmSync(this.loginFile, { force: true });
  }
}

export function sessionCookie(value: string): string {
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/`;
}
