import type { FastifyBaseLogger } from 'fastify'

export type Logger = FastifyBaseLogger

// Tokens travel in invitation and reset links; they never reach a log line.
export function redactUrl(url: string): string {
  return url
    .replace(/(\/|%2F)[A-Za-z0-9_-]{32,}/gi, '$1[token]')
    .replace(/([?&](token|code)=)[^&]+/gi, '$1[token]')
}
