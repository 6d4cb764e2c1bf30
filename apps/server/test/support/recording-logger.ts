import type { Logger } from '../../src/platform/logger.js';

export interface LoggedLine {
  level: keyof Logger;
  fields: Record<string, unknown>;
  message?: string;
}

/** A Logger that keeps what it is given, for tests that check what the operator is told. */
export function recordingLogger() {
  const lines: LoggedLine[] = [];
  const at = (level: keyof Logger) => (fields: object, message?: string) => void lines.push({ level, fields: fields as Record<string, unknown>, message });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}
